<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis maxScale="0" readOnly="0" version="3.22.16-Białowieża" minScale="1e+08" styleCategories="AllStyleCategories" hasScaleBasedVisibilityFlag="0">
  <flags>
    <Identifiable>1</Identifiable>
    <Removable>1</Removable>
    <Searchable>1</Searchable>
    <Private>0</Private>
  </flags>
  <temporal limitMode="0" enabled="0" endField="" durationUnit="min" mode="0" endExpression="" fixedDuration="0" accumulate="0" startField="" startExpression="" durationField="">
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
  <legend type="default-vector" showLabelLegend="0"/>
  <referencedLayers/>
  <fieldConfiguration>
    <field name="admin_a" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="name_a" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="admin_b" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="name_b" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="border_m" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="coordinated_m" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="overlap_m" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="gap_m" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="discontinuity_m" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="mismatch_m" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="none_m" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="overlap_area_m2" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="gap_area_m2" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="admin_overlap_m2" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="admin_gap_m2" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="conflicts" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="weighted_conflict_m" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="score" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
  </fieldConfiguration>
  <aliases>
    <alias field="admin_a" index="0" name="行政区A代码"/>
    <alias field="name_a" index="1" name="行政区A名称"/>
    <alias field="admin_b" index="2" name="行政区B代码"/>
    <alias field="name_b" index="3" name="行政区B名称"/>
    <alias field="border_m" index="4" name="共同边界（米）"/>
    <alias field="coordinated_m" index="5" name="已协调（米）"/>
    <alias field="overlap_m" index="6" name="重叠（米）"/>
    <alias field="gap_m" index="7" name="缝隙（米）"/>
    <alias field="discontinuity_m" index="8" name="不连续（米）"/>
    <alias field="mismatch_m" index="9" name="类别不一致（米）"/>
    <alias field="none_m" index="10" name="两侧均无要素（米）"/>
    <alias field="overlap_area_m2" index="11" name="重叠面积（平方米）"/>
    <alias field="gap_area_m2" index="12" name="缝隙面积（平方米）"/>
    <alias field="admin_overlap_m2" index="13" name="底图重叠（平方米）"/>
    <alias field="admin_gap_m2" index="14" name="底图缝隙（平方米）"/>
    <alias field="conflicts" index="15" name="冲突数"/>
    <alias field="weighted_conflict_m" index="16" name="加权冲突长度（米）"/>
    <alias field="score" index="17" name="冲突得分"/>
  </aliases>
  <defaults>
    <default applyOnUpdate="0" field="admin_a" expression=""/>
    <default applyOnUpdate="0" field="name_a" expression=""/>
    <default applyOnUpdate="0" field="admin_b" expression=""/>
    <default applyOnUpdate="0" field="name_b" expression=""/>
    <default applyOnUpdate="0" field="border_m" expression=""/>
    <default applyOnUpdate="0" field="coordinated_m" expression=""/>
    <default applyOnUpdate="0" field="overlap_m" expression=""/>
    <default applyOnUpdate="0" field="gap_m" expression=""/>
    <default applyOnUpdate="0" field="discontinuity_m" expression=""/>
    <default applyOnUpdate="0" field="mismatch_m" expression=""/>
    <default applyOnUpdate="0" field="none_m" expression=""/>
    <default applyOnUpdate="0" field="overlap_area_m2" expression=""/>
    <default applyOnUpdate="0" field="gap_area_m2" expression=""/>
    <default applyOnUpdate="0" field="admin_overlap_m2" expression=""/>
    <default applyOnUpdate="0" field="admin_gap_m2" expression=""/>
    <default applyOnUpdate="0" field="conflicts" expression=""/>
    <default applyOnUpdate="0" field="weighted_conflict_m" expression=""/>
    <default applyOnUpdate="0" field="score" expression=""/>
  </defaults>
  <constraints>
    <constraint field="admin_a" unique_strength="0" notnull_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="name_a" unique_strength="0" notnull_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="admin_b" unique_strength="0" notnull_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="name_b" unique_strength="0" notnull_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="border_m" unique_strength="0" notnull_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="coordinated_m" unique_strength="0" notnull_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="overlap_m" unique_strength="0" notnull_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="gap_m" unique_strength="0" notnull_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="discontinuity_m" unique_strength="0" notnull_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="mismatch_m" unique_strength="0" notnull_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="none_m" unique_strength="0" notnull_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="overlap_area_m2" unique_strength="0" notnull_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="gap_area_m2" unique_strength="0" notnull_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="admin_overlap_m2" unique_strength="0" notnull_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="admin_gap_m2" unique_strength="0" notnull_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="conflicts" unique_strength="0" notnull_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="weighted_conflict_m" unique_strength="0" notnull_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="score" unique_strength="0" notnull_strength="0" constraints="0" exp_strength="0"/>
  </constraints>
  <constraintExpressions>
    <constraint field="admin_a" exp="" desc=""/>
    <constraint field="name_a" exp="" desc=""/>
    <constraint field="admin_b" exp="" desc=""/>
    <constraint field="name_b" exp="" desc=""/>
    <constraint field="border_m" exp="" desc=""/>
    <constraint field="coordinated_m" exp="" desc=""/>
    <constraint field="overlap_m" exp="" desc=""/>
    <constraint field="gap_m" exp="" desc=""/>
    <constraint field="discontinuity_m" exp="" desc=""/>
    <constraint field="mismatch_m" exp="" desc=""/>
    <constraint field="none_m" exp="" desc=""/>
    <constraint field="overlap_area_m2" exp="" desc=""/>
    <constraint field="gap_area_m2" exp="" desc=""/>
    <constraint field="admin_overlap_m2" exp="" desc=""/>
    <constraint field="admin_gap_m2" exp="" desc=""/>
    <constraint field="conflicts" exp="" desc=""/>
    <constraint field="weighted_conflict_m" exp="" desc=""/>
    <constraint field="score" exp="" desc=""/>
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
