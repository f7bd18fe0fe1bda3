<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis maxScale="0" minScale="1e+08" readOnly="0" styleCategories="AllStyleCategories" version="3.22.16-Białowieża" hasScaleBasedVisibilityFlag="0">
  <flags>
    <Identifiable>1</Identifiable>
    <Removable>1</Removable>
    <Searchable>1</Searchable>
    <Private>0</Private>
  </flags>
  <temporal endField="" durationField="" accumulate="0" durationUnit="min" fixedDuration="0" mode="0" startField="" endExpression="" startExpression="" enabled="0" limitMode="0">
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
    <default field="city_id" applyOnUpdate="0" expression=""/>
    <default field="listed" applyOnUpdate="0" expression=""/>
    <default field="submitted" applyOnUpdate="0" expression=""/>
    <default field="not_submitted" applyOnUpdate="0" expression=""/>
    <default field="features" applyOnUpdate="0" expression=""/>
    <default field="not_in_catalogue" applyOnUpdate="0" expression=""/>
    <default field="city_not_listed" applyOnUpdate="0" expression=""/>
  </defaults>
  <constraints>
    <constraint notnull_strength="0" constraints="0" field="city_id" unique_strength="0" exp_strength="0"/>
    <constraint notnull_strength="0" constraints="0" field="listed" unique_strength="0" exp_strength="0"/>
    <constraint notnull_strength="0" constraints="0" field="submitted" unique_strength="0" exp_strength="0"/>
    <constraint notnull_strength="0" constraints="0" field="not_submitted" unique_strength="0" exp_strength="0"/>
    <constraint notnull_strength="0" constraints="0" field="features" unique_strength="0" exp_strength="0"/>
    <constraint notnull_strength="0" constraints="0" field="not_in_catalogue" unique_strength="0" exp_strength="0"/>
    <constraint notnull_strength="0" constraints="0" field="city_not_listed" unique_strength="0" exp_strength="0"/>
  </constraints>
  <constraintExpressions>
    <constraint exp="" field="city_id" desc=""/>
    <constraint exp="" field="listed" desc=""/>
    <constraint exp="" field="submitted" desc=""/>
    <constraint exp="" field="not_submitted" desc=""/>
    <constraint exp="" field="features" desc=""/>
    <constraint exp="" field="not_in_catalogue" desc=""/>
    <constraint exp="" field="city_not_listed" desc=""/>
  </constraintExpressions>
  <expressionfields/>
  <attributeactions/>
  <attributetableconfig sortExpression="" sortOrder="0" actionWidgetStyle="dropDown">
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
