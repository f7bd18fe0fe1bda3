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
    <field configurationFlags="None" name="admin_a">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="name_a">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="admin_b">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="name_b">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="border_m">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="coordinated_m">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="overlap_m">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="gap_m">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="discontinuity_m">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="mismatch_m">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="none_m">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="overlap_area_m2">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="gap_area_m2">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="admin_overlap_m2">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="admin_gap_m2">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="conflicts">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="weighted_conflict_m">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="score">
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
    <default applyOnUpdate="0" expression="" field="admin_a"/>
    <default applyOnUpdate="0" expression="" field="name_a"/>
    <default applyOnUpdate="0" expression="" field="admin_b"/>
    <default applyOnUpdate="0" expression="" field="name_b"/>
    <default applyOnUpdate="0" expression="" field="border_m"/>
    <default applyOnUpdate="0" expression="" field="coordinated_m"/>
    <default applyOnUpdate="0" expression="" field="overlap_m"/>
    <default applyOnUpdate="0" expression="" field="gap_m"/>
    <default applyOnUpdate="0" expression="" field="discontinuity_m"/>
    <default applyOnUpdate="0" expression="" field="mismatch_m"/>
    <default applyOnUpdate="0" expression="" field="none_m"/>
    <default applyOnUpdate="0" expression="" field="overlap_area_m2"/>
    <default applyOnUpdate="0" expression="" field="gap_area_m2"/>
    <default applyOnUpdate="0" expression="" field="admin_overlap_m2"/>
    <default applyOnUpdate="0" expression="" field="admin_gap_m2"/>
    <default applyOnUpdate="0" expression="" field="conflicts"/>
    <default applyOnUpdate="0" expression="" field="weighted_conflict_m"/>
    <default applyOnUpdate="0" expression="" field="score"/>
  </defaults>
  <constraints>
    <constraint constraints="0" exp_strength="0" field="admin_a" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="name_a" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="admin_b" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="name_b" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="border_m" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="coordinated_m" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="overlap_m" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="gap_m" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="discontinuity_m" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="mismatch_m" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="none_m" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="overlap_area_m2" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="gap_area_m2" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="admin_overlap_m2" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="admin_gap_m2" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="conflicts" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="weighted_conflict_m" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="score" notnull_strength="0" unique_strength="0"/>
  </constraints>
  <constraintExpressions>
    <constraint desc="" exp="" field="admin_a"/>
    <constraint desc="" exp="" field="name_a"/>
    <constraint desc="" exp="" field="admin_b"/>
    <constraint desc="" exp="" field="name_b"/>
    <constraint desc="" exp="" field="border_m"/>
    <constraint desc="" exp="" field="coordinated_m"/>
    <constraint desc="" exp="" field="overlap_m"/>
    <constraint desc="" exp="" field="gap_m"/>
    <constraint desc="" exp="" field="discontinuity_m"/>
    <constraint desc="" exp="" field="mismatch_m"/>
    <constraint desc="" exp="" field="none_m"/>
    <constraint desc="" exp="" field="overlap_area_m2"/>
    <constraint desc="" exp="" field="gap_area_m2"/>
    <constraint desc="" exp="" field="admin_overlap_m2"/>
    <constraint desc="" exp="" field="admin_gap_m2"/>
    <constraint desc="" exp="" field="conflicts"/>
    <constraint desc="" exp="" field="weighted_conflict_m"/>
    <constraint desc="" exp="" field="score"/>
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
