<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis styleCategories="AllStyleCategories" hasScaleBasedVisibilityFlag="0" minScale="1e+08" version="3.22.16-Białowieża" readOnly="0" maxScale="0">
  <flags>
    <Identifiable>1</Identifiable>
    <Removable>1</Removable>
    <Searchable>1</Searchable>
    <Private>0</Private>
  </flags>
  <temporal fixedDuration="0" mode="0" endField="" startExpression="" endExpression="" enabled="0" durationField="" durationUnit="min" limitMode="0" startField="" accumulate="0">
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
  <legend type="default-vector" showLabelLegend="0"/>
  <referencedLayers/>
  <fieldConfiguration>
    <field configurationFlags="None" name="fid_in">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="code">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="name">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="objective">
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
    <field configurationFlags="None" name="controlled_ha">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="net_ha">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="pieces">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
  </fieldConfiguration>
  <aliases>
    <alias field="fid_in" index="0" name="要素号"/>
    <alias field="code" index="1" name="类型或代码"/>
    <alias field="name" index="2" name="名称"/>
    <alias field="objective" index="3" name="主导目标"/>
    <alias field="area_ha" index="4" name="面积(公顷)"/>
    <alias field="controlled_ha" index="5" name="管控地类面积(公顷)"/>
    <alias field="net_ha" index="6" name="扣除后面积(公顷)"/>
    <alias field="pieces" index="7" name="图斑块数"/>
  </aliases>
  <defaults>
    <default field="fid_in" applyOnUpdate="0" expression=""/>
    <default field="code" applyOnUpdate="0" expression=""/>
    <default field="name" applyOnUpdate="0" expression=""/>
    <default field="objective" applyOnUpdate="0" expression=""/>
    <default field="area_ha" applyOnUpdate="0" expression=""/>
    <default field="controlled_ha" applyOnUpdate="0" expression=""/>
    <default field="net_ha" applyOnUpdate="0" expression=""/>
    <default field="pieces" applyOnUpdate="0" expression=""/>
  </defaults>
  <constraints>
    <constraint field="fid_in" exp_strength="0" notnull_strength="0" constraints="0" unique_strength="0"/>
    <constraint field="code" exp_strength="0" notnull_strength="0" constraints="0" unique_strength="0"/>
    <constraint field="name" exp_strength="0" notnull_strength="0" constraints="0" unique_strength="0"/>
    <constraint field="objective" exp_strength="0" notnull_strength="0" constraints="0" unique_strength="0"/>
    <constraint field="area_ha" exp_strength="0" notnull_strength="0" constraints="0" unique_strength="0"/>
    <constraint field="controlled_ha" exp_strength="0" notnull_strength="0" constraints="0" unique_strength="0"/>
    <constraint field="net_ha" exp_strength="0" notnull_strength="0" constraints="0" unique_strength="0"/>
    <constraint field="pieces" exp_strength="0" notnull_strength="0" constraints="0" unique_strength="0"/>
  </constraints>
  <constraintExpressions>
    <constraint field="fid_in" exp="" desc=""/>
    <constraint field="code" exp="" desc=""/>
    <constraint field="name" exp="" desc=""/>
    <constraint field="objective" exp="" desc=""/>
    <constraint field="area_ha" exp="" desc=""/>
    <constraint field="controlled_ha" exp="" desc=""/>
    <constraint field="net_ha" exp="" desc=""/>
    <constraint field="pieces" exp="" desc=""/>
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
