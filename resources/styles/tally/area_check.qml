<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis minScale="1e+08" readOnly="0" version="3.22.16-Białowieża" maxScale="0" hasScaleBasedVisibilityFlag="0" styleCategories="AllStyleCategories">
  <flags>
    <Identifiable>1</Identifiable>
    <Removable>1</Removable>
    <Searchable>1</Searchable>
    <Private>0</Private>
  </flags>
  <temporal mode="0" enabled="0" accumulate="0" startExpression="" durationUnit="min" startField="" endExpression="" durationField="" fixedDuration="0" limitMode="0" endField="">
    <fixedRange>
      <start></start>
      <end></end>
    </fixedRange>
  </temporal>
  <customproperties>
    <Option/>
  </customproperties>
  <geometryOptions removeDuplicateNodes="0" geometryPrecision="0">
    <activeChecks type="StringList">
      <Option value="" type="QString"/>
    </activeChecks>
    <checkConfiguration/>
  </geometryOptions>
  <legend type="default-vector" showLabelLegend="0"/>
  <referencedLayers/>
  <fieldConfiguration>
    <field configurationFlags="None" name="fid">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="bsm">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="tbbh">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="class_code">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="official_m2">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="computed_m2">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="difference_m2">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="difference_ppm">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
  </fieldConfiguration>
  <aliases>
    <alias index="0" name="" field="fid"/>
    <alias index="1" name="标识码" field="bsm"/>
    <alias index="2" name="图斑编号" field="tbbh"/>
    <alias index="3" name="地类编码" field="class_code"/>
    <alias index="4" name="图斑面积" field="official_m2"/>
    <alias index="5" name="计算椭球面积" field="computed_m2"/>
    <alias index="6" name="面积差" field="difference_m2"/>
    <alias index="7" name="相对差 (ppm)" field="difference_ppm"/>
  </aliases>
  <defaults>
    <default applyOnUpdate="0" expression="" field="fid"/>
    <default applyOnUpdate="0" expression="" field="bsm"/>
    <default applyOnUpdate="0" expression="" field="tbbh"/>
    <default applyOnUpdate="0" expression="" field="class_code"/>
    <default applyOnUpdate="0" expression="" field="official_m2"/>
    <default applyOnUpdate="0" expression="" field="computed_m2"/>
    <default applyOnUpdate="0" expression="" field="difference_m2"/>
    <default applyOnUpdate="0" expression="" field="difference_ppm"/>
  </defaults>
  <constraints>
    <constraint notnull_strength="0" constraints="0" exp_strength="0" unique_strength="0" field="fid"/>
    <constraint notnull_strength="0" constraints="0" exp_strength="0" unique_strength="0" field="bsm"/>
    <constraint notnull_strength="0" constraints="0" exp_strength="0" unique_strength="0" field="tbbh"/>
    <constraint notnull_strength="0" constraints="0" exp_strength="0" unique_strength="0" field="class_code"/>
    <constraint notnull_strength="0" constraints="0" exp_strength="0" unique_strength="0" field="official_m2"/>
    <constraint notnull_strength="0" constraints="0" exp_strength="0" unique_strength="0" field="computed_m2"/>
    <constraint notnull_strength="0" constraints="0" exp_strength="0" unique_strength="0" field="difference_m2"/>
    <constraint notnull_strength="0" constraints="0" exp_strength="0" unique_strength="0" field="difference_ppm"/>
  </constraints>
  <constraintExpressions>
    <constraint exp="" desc="" field="fid"/>
    <constraint exp="" desc="" field="bsm"/>
    <constraint exp="" desc="" field="tbbh"/>
    <constraint exp="" desc="" field="class_code"/>
    <constraint exp="" desc="" field="official_m2"/>
    <constraint exp="" desc="" field="computed_m2"/>
    <constraint exp="" desc="" field="difference_m2"/>
    <constraint exp="" desc="" field="difference_ppm"/>
  </constraintExpressions>
  <expressionfields/>
  <attributeactions/>
  <attributetableconfig sortExpression="" actionWidgetStyle="dropDown" sortOrder="0">
    <columns/>
  </attributetableconfig>
  <conditionalstyles>
    <rowstyles/>
    <fieldstyles/>
  </conditionalstyles>
  <storedexpressions/>
  <editform tolerant="1"></editform>
  <editforminit/>
  <editforminitcodesource>0</editforminitcodesource>
  <editforminitfilepath></editforminitfilepath>
  <editforminitcode><![CDATA[]]></editforminitcode>
  <featformsuppress>0</featformsuppress>
  <editorlayout>generatedlayout</editorlayout>
  <editable/>
  <labelOnTop/>
  <reuseLastValue/>
  <dataDefinedFieldProperties/>
  <widgets/>
  <previewExpression></previewExpression>
  <mapTip></mapTip>
  <layerGeometryType>4</layerGeometryType>
</qgis>
