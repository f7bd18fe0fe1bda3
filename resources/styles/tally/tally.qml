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
    <field configurationFlags="None" name="zone_id">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="zone_name">
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
    <field configurationFlags="None" name="area_ha">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
  </fieldConfiguration>
  <aliases>
    <alias index="0" name="分区编号" field="zone_id"/>
    <alias index="1" name="分区名称" field="zone_name"/>
    <alias index="2" name="地类编码" field="class_code"/>
    <alias index="3" name="面积（公顷）" field="area_ha"/>
  </aliases>
  <defaults>
    <default applyOnUpdate="0" expression="" field="zone_id"/>
    <default applyOnUpdate="0" expression="" field="zone_name"/>
    <default applyOnUpdate="0" expression="" field="class_code"/>
    <default applyOnUpdate="0" expression="" field="area_ha"/>
  </defaults>
  <constraints>
    <constraint notnull_strength="0" constraints="0" exp_strength="0" unique_strength="0" field="zone_id"/>
    <constraint notnull_strength="0" constraints="0" exp_strength="0" unique_strength="0" field="zone_name"/>
    <constraint notnull_strength="0" constraints="0" exp_strength="0" unique_strength="0" field="class_code"/>
    <constraint notnull_strength="0" constraints="0" exp_strength="0" unique_strength="0" field="area_ha"/>
  </constraints>
  <constraintExpressions>
    <constraint exp="" desc="" field="zone_id"/>
    <constraint exp="" desc="" field="zone_name"/>
    <constraint exp="" desc="" field="class_code"/>
    <constraint exp="" desc="" field="area_ha"/>
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
