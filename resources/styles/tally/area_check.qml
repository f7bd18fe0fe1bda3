<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis hasScaleBasedVisibilityFlag="0" maxScale="0" minScale="1e+08" readOnly="0" styleCategories="AllStyleCategories" version="3.22.16-Białowieża">
  <flags>
    <Identifiable>1</Identifiable>
    <Removable>1</Removable>
    <Searchable>1</Searchable>
    <Private>0</Private>
  </flags>
  <temporal accumulate="0" durationField="" durationUnit="min" enabled="0" endExpression="" endField="" fixedDuration="0" limitMode="0" mode="0" startExpression="" startField="">
    <fixedRange>
      <start></start>
      <end></end>
    </fixedRange>
  </temporal>
  <customproperties>
    <Option/>
  </customproperties>
  <geometryOptions geometryPrecision="0" removeDuplicateNodes="0">
    <activeChecks type="StringList">
      <Option type="QString" value=""/>
    </activeChecks>
    <checkConfiguration/>
  </geometryOptions>
  <legend showLabelLegend="0" type="default-vector"/>
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
    <alias field="fid" index="0" name=""/>
    <alias field="bsm" index="1" name="标识码"/>
    <alias field="tbbh" index="2" name="图斑编号"/>
    <alias field="class_code" index="3" name="地类编码"/>
    <alias field="official_m2" index="4" name="图斑面积"/>
    <alias field="computed_m2" index="5" name="计算椭球面积"/>
    <alias field="difference_m2" index="6" name="面积差"/>
    <alias field="difference_ppm" index="7" name="相对差 (ppm)"/>
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
    <constraint constraints="0" exp_strength="0" field="fid" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="bsm" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="tbbh" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="class_code" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="official_m2" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="computed_m2" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="difference_m2" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="difference_ppm" notnull_strength="0" unique_strength="0"/>
  </constraints>
  <constraintExpressions>
    <constraint desc="" exp="" field="fid"/>
    <constraint desc="" exp="" field="bsm"/>
    <constraint desc="" exp="" field="tbbh"/>
    <constraint desc="" exp="" field="class_code"/>
    <constraint desc="" exp="" field="official_m2"/>
    <constraint desc="" exp="" field="computed_m2"/>
    <constraint desc="" exp="" field="difference_m2"/>
    <constraint desc="" exp="" field="difference_ppm"/>
  </constraintExpressions>
  <expressionfields/>
  <attributeactions/>
  <attributetableconfig actionWidgetStyle="dropDown" sortExpression="" sortOrder="0">
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
