<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.16-Białowieża" minScale="1e+08" styleCategories="AllStyleCategories" readOnly="0" hasScaleBasedVisibilityFlag="0" maxScale="0">
  <flags>
    <Identifiable>1</Identifiable>
    <Removable>1</Removable>
    <Searchable>1</Searchable>
    <Private>0</Private>
  </flags>
  <temporal startExpression="" accumulate="0" endField="" fixedDuration="0" durationField="" endExpression="" durationUnit="min" mode="0" startField="" enabled="0" limitMode="0">
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
      <Option value="" type="QString"/>
    </activeChecks>
    <checkConfiguration/>
  </geometryOptions>
  <legend showLabelLegend="0" type="default-vector"/>
  <referencedLayers/>
  <fieldConfiguration>
    <field configurationFlags="None" name="unit_id">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="grade">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="opening_ha">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="closing_ha">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
  </fieldConfiguration>
  <aliases>
    <alias name="单元编号" field="unit_id" index="0"/>
    <alias name="耕地等别（0 无等别）" field="grade" index="1"/>
    <alias name="期初（公顷）" field="opening_ha" index="2"/>
    <alias name="期末（公顷）" field="closing_ha" index="3"/>
  </aliases>
  <defaults>
    <default applyOnUpdate="0" field="unit_id" expression=""/>
    <default applyOnUpdate="0" field="grade" expression=""/>
    <default applyOnUpdate="0" field="opening_ha" expression=""/>
    <default applyOnUpdate="0" field="closing_ha" expression=""/>
  </defaults>
  <constraints>
    <constraint unique_strength="0" notnull_strength="0" exp_strength="0" constraints="0" field="unit_id"/>
    <constraint unique_strength="0" notnull_strength="0" exp_strength="0" constraints="0" field="grade"/>
    <constraint unique_strength="0" notnull_strength="0" exp_strength="0" constraints="0" field="opening_ha"/>
    <constraint unique_strength="0" notnull_strength="0" exp_strength="0" constraints="0" field="closing_ha"/>
  </constraints>
  <constraintExpressions>
    <constraint desc="" field="unit_id" exp=""/>
    <constraint desc="" field="grade" exp=""/>
    <constraint desc="" field="opening_ha" exp=""/>
    <constraint desc="" field="closing_ha" exp=""/>
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
