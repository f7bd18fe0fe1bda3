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
    <field name="status" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="source" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="kind" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="key" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="label" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="length_m" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="area_m2" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="review_note" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
  </fieldConfiguration>
  <aliases>
    <alias index="0" name="城市代码" field="city_id"/>
    <alias index="1" name="状态" field="status"/>
    <alias index="2" name="来源" field="source"/>
    <alias index="3" name="问题类型" field="kind"/>
    <alias index="4" name="标识" field="key"/>
    <alias index="5" name="说明" field="label"/>
    <alias index="6" name="长度（米）" field="length_m"/>
    <alias index="7" name="面积（平方米）" field="area_m2"/>
    <alias index="8" name="审核说明" field="review_note"/>
  </aliases>
  <defaults>
    <default expression="" applyOnUpdate="0" field="city_id"/>
    <default expression="" applyOnUpdate="0" field="status"/>
    <default expression="" applyOnUpdate="0" field="source"/>
    <default expression="" applyOnUpdate="0" field="kind"/>
    <default expression="" applyOnUpdate="0" field="key"/>
    <default expression="" applyOnUpdate="0" field="label"/>
    <default expression="" applyOnUpdate="0" field="length_m"/>
    <default expression="" applyOnUpdate="0" field="area_m2"/>
    <default expression="" applyOnUpdate="0" field="review_note"/>
  </defaults>
  <constraints>
    <constraint exp_strength="0" notnull_strength="0" constraints="0" field="city_id" unique_strength="0"/>
    <constraint exp_strength="0" notnull_strength="0" constraints="0" field="status" unique_strength="0"/>
    <constraint exp_strength="0" notnull_strength="0" constraints="0" field="source" unique_strength="0"/>
    <constraint exp_strength="0" notnull_strength="0" constraints="0" field="kind" unique_strength="0"/>
    <constraint exp_strength="0" notnull_strength="0" constraints="0" field="key" unique_strength="0"/>
    <constraint exp_strength="0" notnull_strength="0" constraints="0" field="label" unique_strength="0"/>
    <constraint exp_strength="0" notnull_strength="0" constraints="0" field="length_m" unique_strength="0"/>
    <constraint exp_strength="0" notnull_strength="0" constraints="0" field="area_m2" unique_strength="0"/>
    <constraint exp_strength="0" notnull_strength="0" constraints="0" field="review_note" unique_strength="0"/>
  </constraints>
  <constraintExpressions>
    <constraint exp="" desc="" field="city_id"/>
    <constraint exp="" desc="" field="status"/>
    <constraint exp="" desc="" field="source"/>
    <constraint exp="" desc="" field="kind"/>
    <constraint exp="" desc="" field="key"/>
    <constraint exp="" desc="" field="label"/>
    <constraint exp="" desc="" field="length_m"/>
    <constraint exp="" desc="" field="area_m2"/>
    <constraint exp="" desc="" field="review_note"/>
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
