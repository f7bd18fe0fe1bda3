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
    <field configurationFlags="None" name="city_id">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="listed">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="submitted">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="not_submitted">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="features">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="not_in_catalogue">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="city_not_listed">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
  </fieldConfiguration>
  <aliases>
    <alias field="city_id" index="0" name="城市代码"/>
    <alias field="listed" index="1" name="名录要素数"/>
    <alias field="submitted" index="2" name="已报送"/>
    <alias field="not_submitted" index="3" name="未报送"/>
    <alias field="features" index="4" name="报送图斑数"/>
    <alias field="not_in_catalogue" index="5" name="名录外图斑"/>
    <alias field="city_not_listed" index="6" name="非名录城市报送"/>
  </aliases>
  <defaults>
    <default applyOnUpdate="0" expression="" field="city_id"/>
    <default applyOnUpdate="0" expression="" field="listed"/>
    <default applyOnUpdate="0" expression="" field="submitted"/>
    <default applyOnUpdate="0" expression="" field="not_submitted"/>
    <default applyOnUpdate="0" expression="" field="features"/>
    <default applyOnUpdate="0" expression="" field="not_in_catalogue"/>
    <default applyOnUpdate="0" expression="" field="city_not_listed"/>
  </defaults>
  <constraints>
    <constraint constraints="0" exp_strength="0" field="city_id" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="listed" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="submitted" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="not_submitted" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="features" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="not_in_catalogue" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="city_not_listed" notnull_strength="0" unique_strength="0"/>
  </constraints>
  <constraintExpressions>
    <constraint desc="" exp="" field="city_id"/>
    <constraint desc="" exp="" field="listed"/>
    <constraint desc="" exp="" field="submitted"/>
    <constraint desc="" exp="" field="not_submitted"/>
    <constraint desc="" exp="" field="features"/>
    <constraint desc="" exp="" field="not_in_catalogue"/>
    <constraint desc="" exp="" field="city_not_listed"/>
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
