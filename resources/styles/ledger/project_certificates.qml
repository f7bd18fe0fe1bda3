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
    <field configurationFlags="None" name="project_id">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="certificates">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="issuable">
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
    <field configurationFlags="None" name="cultivated_ha">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="tiankan_ha">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="garden_ha">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="forest_ha">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="grass_ha">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="standard_forest_ha">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
  </fieldConfiguration>
  <aliases>
    <alias field="project_id" index="0" name="项目"/>
    <alias field="certificates" index="1" name="复垦券数"/>
    <alias field="issuable" index="2" name="可发券数"/>
    <alias field="area_ha" index="3" name="可发券复垦面积（公顷）"/>
    <alias field="cultivated_ha" index="4" name="复垦为耕地（公顷）"/>
    <alias field="tiankan_ha" index="5" name="田坎（公顷）"/>
    <alias field="garden_ha" index="6" name="复垦为园地（公顷）"/>
    <alias field="forest_ha" index="7" name="复垦为林地（公顷）"/>
    <alias field="grass_ha" index="8" name="复垦为草地（公顷）"/>
    <alias field="standard_forest_ha" index="9" name="标准林地（公顷）"/>
  </aliases>
  <defaults>
    <default applyOnUpdate="0" expression="" field="project_id"/>
    <default applyOnUpdate="0" expression="" field="certificates"/>
    <default applyOnUpdate="0" expression="" field="issuable"/>
    <default applyOnUpdate="0" expression="" field="area_ha"/>
    <default applyOnUpdate="0" expression="" field="cultivated_ha"/>
    <default applyOnUpdate="0" expression="" field="tiankan_ha"/>
    <default applyOnUpdate="0" expression="" field="garden_ha"/>
    <default applyOnUpdate="0" expression="" field="forest_ha"/>
    <default applyOnUpdate="0" expression="" field="grass_ha"/>
    <default applyOnUpdate="0" expression="" field="standard_forest_ha"/>
  </defaults>
  <constraints>
    <constraint constraints="0" exp_strength="0" field="project_id" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="certificates" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="issuable" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="area_ha" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="cultivated_ha" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="tiankan_ha" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="garden_ha" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="forest_ha" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="grass_ha" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="standard_forest_ha" notnull_strength="0" unique_strength="0"/>
  </constraints>
  <constraintExpressions>
    <constraint desc="" exp="" field="project_id"/>
    <constraint desc="" exp="" field="certificates"/>
    <constraint desc="" exp="" field="issuable"/>
    <constraint desc="" exp="" field="area_ha"/>
    <constraint desc="" exp="" field="cultivated_ha"/>
    <constraint desc="" exp="" field="tiankan_ha"/>
    <constraint desc="" exp="" field="garden_ha"/>
    <constraint desc="" exp="" field="forest_ha"/>
    <constraint desc="" exp="" field="grass_ha"/>
    <constraint desc="" exp="" field="standard_forest_ha"/>
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
