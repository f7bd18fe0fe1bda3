<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis hasScaleBasedVisibilityFlag="0" minScale="1e+08" version="3.22.16-Białowieża" styleCategories="AllStyleCategories" maxScale="0" readOnly="0">
  <flags>
    <Identifiable>1</Identifiable>
    <Removable>1</Removable>
    <Searchable>1</Searchable>
    <Private>0</Private>
  </flags>
  <temporal startExpression="" startField="" durationUnit="min" fixedDuration="0" enabled="0" mode="0" endExpression="" durationField="" limitMode="0" endField="" accumulate="0">
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
    <alias name="要素号" field="fid_in" index="0"/>
    <alias name="类型或代码" field="code" index="1"/>
    <alias name="名称" field="name" index="2"/>
    <alias name="主导目标" field="objective" index="3"/>
    <alias name="面积(公顷)" field="area_ha" index="4"/>
    <alias name="管控地类面积(公顷)" field="controlled_ha" index="5"/>
    <alias name="扣除后面积(公顷)" field="net_ha" index="6"/>
    <alias name="图斑块数" field="pieces" index="7"/>
  </aliases>
  <defaults>
    <default applyOnUpdate="0" field="fid_in" expression=""/>
    <default applyOnUpdate="0" field="code" expression=""/>
    <default applyOnUpdate="0" field="name" expression=""/>
    <default applyOnUpdate="0" field="objective" expression=""/>
    <default applyOnUpdate="0" field="area_ha" expression=""/>
    <default applyOnUpdate="0" field="controlled_ha" expression=""/>
    <default applyOnUpdate="0" field="net_ha" expression=""/>
    <default applyOnUpdate="0" field="pieces" expression=""/>
  </defaults>
  <constraints>
    <constraint constraints="0" field="fid_in" exp_strength="0" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" field="code" exp_strength="0" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" field="name" exp_strength="0" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" field="objective" exp_strength="0" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" field="area_ha" exp_strength="0" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" field="controlled_ha" exp_strength="0" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" field="net_ha" exp_strength="0" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" field="pieces" exp_strength="0" notnull_strength="0" unique_strength="0"/>
  </constraints>
  <constraintExpressions>
    <constraint exp="" field="fid_in" desc=""/>
    <constraint exp="" field="code" desc=""/>
    <constraint exp="" field="name" desc=""/>
    <constraint exp="" field="objective" desc=""/>
    <constraint exp="" field="area_ha" desc=""/>
    <constraint exp="" field="controlled_ha" desc=""/>
    <constraint exp="" field="net_ha" desc=""/>
    <constraint exp="" field="pieces" desc=""/>
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
