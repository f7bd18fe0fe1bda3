<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis readOnly="0" maxScale="0" styleCategories="AllStyleCategories" minScale="1e+08" version="3.22.16-Białowieża" hasScaleBasedVisibilityFlag="0">
  <flags>
    <Identifiable>1</Identifiable>
    <Removable>1</Removable>
    <Searchable>1</Searchable>
    <Private>0</Private>
  </flags>
  <temporal startExpression="" mode="0" durationUnit="min" durationField="" endField="" endExpression="" fixedDuration="0" startField="" enabled="0" limitMode="0" accumulate="0">
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
    <field name="city_id" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="listed" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="submitted" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="not_submitted" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="features" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="not_in_catalogue" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="city_not_listed" configurationFlags="None">
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
    <default field="city_id" expression="" applyOnUpdate="0"/>
    <default field="listed" expression="" applyOnUpdate="0"/>
    <default field="submitted" expression="" applyOnUpdate="0"/>
    <default field="not_submitted" expression="" applyOnUpdate="0"/>
    <default field="features" expression="" applyOnUpdate="0"/>
    <default field="not_in_catalogue" expression="" applyOnUpdate="0"/>
    <default field="city_not_listed" expression="" applyOnUpdate="0"/>
  </defaults>
  <constraints>
    <constraint field="city_id" exp_strength="0" unique_strength="0" notnull_strength="0" constraints="0"/>
    <constraint field="listed" exp_strength="0" unique_strength="0" notnull_strength="0" constraints="0"/>
    <constraint field="submitted" exp_strength="0" unique_strength="0" notnull_strength="0" constraints="0"/>
    <constraint field="not_submitted" exp_strength="0" unique_strength="0" notnull_strength="0" constraints="0"/>
    <constraint field="features" exp_strength="0" unique_strength="0" notnull_strength="0" constraints="0"/>
    <constraint field="not_in_catalogue" exp_strength="0" unique_strength="0" notnull_strength="0" constraints="0"/>
    <constraint field="city_not_listed" exp_strength="0" unique_strength="0" notnull_strength="0" constraints="0"/>
  </constraints>
  <constraintExpressions>
    <constraint desc="" field="city_id" exp=""/>
    <constraint desc="" field="listed" exp=""/>
    <constraint desc="" field="submitted" exp=""/>
    <constraint desc="" field="not_submitted" exp=""/>
    <constraint desc="" field="features" exp=""/>
    <constraint desc="" field="not_in_catalogue" exp=""/>
    <constraint desc="" field="city_not_listed" exp=""/>
  </constraintExpressions>
  <expressionfields/>
  <attributeactions/>
  <attributetableconfig actionWidgetStyle="dropDown" sortOrder="0" sortExpression="">
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
