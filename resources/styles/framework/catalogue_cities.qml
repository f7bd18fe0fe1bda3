<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis hasScaleBasedVisibilityFlag="0" maxScale="0" styleCategories="AllStyleCategories" minScale="1e+08" version="3.22.16-Białowieża" readOnly="0">
  <flags>
    <Identifiable>1</Identifiable>
    <Removable>1</Removable>
    <Searchable>1</Searchable>
    <Private>0</Private>
  </flags>
  <temporal enabled="0" endField="" startExpression="" durationField="" fixedDuration="0" accumulate="0" limitMode="0" durationUnit="min" endExpression="" mode="0" startField="">
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
      <Option type="QString" value=""/>
    </activeChecks>
    <checkConfiguration/>
  </geometryOptions>
  <legend type="default-vector" showLabelLegend="0"/>
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
    <alias index="0" name="城市代码" field="city_id"/>
    <alias index="1" name="名录要素数" field="listed"/>
    <alias index="2" name="已报送" field="submitted"/>
    <alias index="3" name="未报送" field="not_submitted"/>
    <alias index="4" name="报送图斑数" field="features"/>
    <alias index="5" name="名录外图斑" field="not_in_catalogue"/>
    <alias index="6" name="非名录城市报送" field="city_not_listed"/>
  </aliases>
  <defaults>
    <default expression="" applyOnUpdate="0" field="city_id"/>
    <default expression="" applyOnUpdate="0" field="listed"/>
    <default expression="" applyOnUpdate="0" field="submitted"/>
    <default expression="" applyOnUpdate="0" field="not_submitted"/>
    <default expression="" applyOnUpdate="0" field="features"/>
    <default expression="" applyOnUpdate="0" field="not_in_catalogue"/>
    <default expression="" applyOnUpdate="0" field="city_not_listed"/>
  </defaults>
  <constraints>
    <constraint exp_strength="0" notnull_strength="0" constraints="0" field="city_id" unique_strength="0"/>
    <constraint exp_strength="0" notnull_strength="0" constraints="0" field="listed" unique_strength="0"/>
    <constraint exp_strength="0" notnull_strength="0" constraints="0" field="submitted" unique_strength="0"/>
    <constraint exp_strength="0" notnull_strength="0" constraints="0" field="not_submitted" unique_strength="0"/>
    <constraint exp_strength="0" notnull_strength="0" constraints="0" field="features" unique_strength="0"/>
    <constraint exp_strength="0" notnull_strength="0" constraints="0" field="not_in_catalogue" unique_strength="0"/>
    <constraint exp_strength="0" notnull_strength="0" constraints="0" field="city_not_listed" unique_strength="0"/>
  </constraints>
  <constraintExpressions>
    <constraint exp="" desc="" field="city_id"/>
    <constraint exp="" desc="" field="listed"/>
    <constraint exp="" desc="" field="submitted"/>
    <constraint exp="" desc="" field="not_submitted"/>
    <constraint exp="" desc="" field="features"/>
    <constraint exp="" desc="" field="not_in_catalogue"/>
    <constraint exp="" desc="" field="city_not_listed"/>
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
