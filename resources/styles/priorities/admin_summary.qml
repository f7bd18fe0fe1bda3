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
    <default applyOnUpdate="0" expression="" field="fid_in"/>
    <default applyOnUpdate="0" expression="" field="code"/>
    <default applyOnUpdate="0" expression="" field="name"/>
    <default applyOnUpdate="0" expression="" field="objective"/>
    <default applyOnUpdate="0" expression="" field="area_ha"/>
    <default applyOnUpdate="0" expression="" field="controlled_ha"/>
    <default applyOnUpdate="0" expression="" field="net_ha"/>
    <default applyOnUpdate="0" expression="" field="pieces"/>
  </defaults>
  <constraints>
    <constraint constraints="0" exp_strength="0" field="fid_in" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="code" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="name" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="objective" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="area_ha" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="controlled_ha" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="net_ha" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="pieces" notnull_strength="0" unique_strength="0"/>
  </constraints>
  <constraintExpressions>
    <constraint desc="" exp="" field="fid_in"/>
    <constraint desc="" exp="" field="code"/>
    <constraint desc="" exp="" field="name"/>
    <constraint desc="" exp="" field="objective"/>
    <constraint desc="" exp="" field="area_ha"/>
    <constraint desc="" exp="" field="controlled_ha"/>
    <constraint desc="" exp="" field="net_ha"/>
    <constraint desc="" exp="" field="pieces"/>
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
