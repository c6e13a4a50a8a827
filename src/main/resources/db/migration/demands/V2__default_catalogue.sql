-- The default category catalogue, after the usual 12345 and grid-event categories; administrators
-- change it on /demands/categories. Deadlines are counted in working time.
INSERT INTO demand_category (code, name, name_en, description, group_name, keywords, handling_level, urgency,
  sign_deadline, sign_deadline_unit, handle_deadline, handle_deadline_unit, active, updated_at, updated_by) VALUES
('sanitation', '环境卫生', 'Sanitation', '垃圾清运不及时、卫生死角、垃圾分类', '市容环境', '垃圾,卫生,清运,分类', 'GRID', 'NORMAL', 2, 'WORKING_HOURS', 2, 'WORKING_DAYS', TRUE, CURRENT_TIMESTAMP, 'system'),
('streetlight', '路灯损坏', 'Broken street light', '路灯不亮、灯杆损坏', '市政设施', '路灯,照明', 'STREET', 'NORMAL', 4, 'WORKING_HOURS', 3, 'WORKING_DAYS', TRUE, CURRENT_TIMESTAMP, 'system'),
('road', '道路破损', 'Damaged road or pavement', '路面坑洼、井盖缺失、人行道破损', '市政设施', '道路,井盖,坑洼', 'STREET', 'URGENT', 2, 'WORKING_HOURS', 5, 'WORKING_DAYS', TRUE, CURRENT_TIMESTAMP, 'system'),
('noise', '噪音扰民', 'Noise', '施工、商铺、广场舞等噪音', '邻里与秩序', '噪音,扰民', 'COMMUNITY', 'NORMAL', 2, 'WORKING_HOURS', 3, 'WORKING_DAYS', TRUE, CURRENT_TIMESTAMP, 'system'),
('property', '物业管理', 'Property management', '小区物业服务、公共设施维修', '住房与物业', '物业,维修', 'COMMUNITY', 'NORMAL', 4, 'WORKING_HOURS', 5, 'WORKING_DAYS', TRUE, CURRENT_TIMESTAMP, 'system'),
('elevator', '电梯故障', 'Lift out of order', '电梯停运、困人、异响', '住房与物业', '电梯,困人', 'COMMUNITY', 'EMERGENCY', 1, 'WORKING_HOURS', 1, 'WORKING_DAYS', TRUE, CURRENT_TIMESTAMP, 'system'),
('parking', '停车管理', 'Parking', '乱停车、占用消防通道', '邻里与秩序', '停车,消防通道', 'GRID', 'NORMAL', 2, 'WORKING_HOURS', 2, 'WORKING_DAYS', TRUE, CURRENT_TIMESTAMP, 'system'),
('neighbour', '邻里纠纷', 'Neighbour dispute', '漏水、噪声、公共空间等邻里矛盾调解', '邻里与秩序', '纠纷,调解,漏水', 'GRID', 'NORMAL', 4, 'WORKING_HOURS', 5, 'WORKING_DAYS', TRUE, CURRENT_TIMESTAMP, 'system'),
('greening', '绿化养护', 'Green space', '树木倒伏、绿地缺管', '市容环境', '绿化,树木', 'STREET', 'NORMAL', 4, 'WORKING_HOURS', 5, 'WORKING_DAYS', TRUE, CURRENT_TIMESTAMP, 'system'),
('fire-safety', '消防安全隐患', 'Fire hazard', '楼道堆物、电动车违规充电', '安全', '消防,充电,堆物', 'GRID', 'URGENT', 1, 'WORKING_HOURS', 1, 'WORKING_DAYS', TRUE, CURRENT_TIMESTAMP, 'system'),
('elderly-help', '为老服务', 'Help for an older person', '独居老人需要帮助、助餐助洁', '民生服务', '老人,养老,助餐', 'COMMUNITY', 'URGENT', 2, 'WORKING_HOURS', 2, 'WORKING_DAYS', TRUE, CURRENT_TIMESTAMP, 'system'),
('other', '其他', 'Other', '其他诉求', '其他', '', 'COMMUNITY', 'NORMAL', 4, 'WORKING_HOURS', 5, 'WORKING_DAYS', TRUE, CURRENT_TIMESTAMP, 'system');

INSERT INTO demand_category_attribute (category_id, code, datatype, required, description, description_en, choices, position)
SELECT id, 'lamp-number', 'STRING', FALSE, '灯杆编号（如有）', 'Lamp post number (if any)', NULL, 0 FROM demand_category WHERE code = 'streetlight';
INSERT INTO demand_category_attribute (category_id, code, datatype, required, description, description_en, choices, position)
SELECT id, 'since', 'DATE', FALSE, '从哪天开始', 'Since when', NULL, 1 FROM demand_category WHERE code = 'streetlight';
INSERT INTO demand_category_attribute (category_id, code, datatype, required, description, description_en, choices, position)
SELECT id, 'trapped', 'SINGLE_CHOICE', TRUE, '是否有人被困', 'Is anyone trapped', 'yes=有人被困
no=无人被困', 0 FROM demand_category WHERE code = 'elevator';
INSERT INTO demand_category_attribute (category_id, code, datatype, required, description, description_en, choices, position)
SELECT id, 'time-of-day', 'MULTIPLE_CHOICE', FALSE, '噪音出现的时段', 'When the noise occurs', 'morning=早上
day=白天
evening=晚上
night=深夜', 0 FROM demand_category WHERE code = 'noise';
INSERT INTO demand_category_attribute (category_id, code, datatype, required, description, description_en, choices, position)
SELECT id, 'people-affected', 'NUMBER', FALSE, '受影响的户数', 'Households affected', NULL, 0 FROM demand_category WHERE code = 'property';

-- Public holidays and make-up working days (调休) of 2026, after the State Council's notice; extend
-- every year on /demands/calendar.
INSERT INTO demand_calendar_day (calendar_date, working, name) VALUES
('2026-01-01', FALSE, '元旦'), ('2026-01-02', FALSE, '元旦'), ('2026-01-03', FALSE, '元旦'), ('2026-01-04', TRUE, '元旦调休'),
('2026-02-14', TRUE, '春节调休'), ('2026-02-15', FALSE, '春节'), ('2026-02-16', FALSE, '春节'), ('2026-02-17', FALSE, '春节'),
('2026-02-18', FALSE, '春节'), ('2026-02-19', FALSE, '春节'), ('2026-02-20', FALSE, '春节'), ('2026-02-21', FALSE, '春节'),
('2026-02-22', FALSE, '春节'), ('2026-02-23', FALSE, '春节'), ('2026-02-28', TRUE, '春节调休'),
('2026-04-04', FALSE, '清明节'), ('2026-04-05', FALSE, '清明节'), ('2026-04-06', FALSE, '清明节'),
('2026-05-01', FALSE, '劳动节'), ('2026-05-02', FALSE, '劳动节'), ('2026-05-03', FALSE, '劳动节'), ('2026-05-04', FALSE, '劳动节'),
('2026-05-05', FALSE, '劳动节'), ('2026-05-09', TRUE, '劳动节调休'),
('2026-06-19', FALSE, '端午节'), ('2026-06-20', FALSE, '端午节'), ('2026-06-21', FALSE, '端午节'),
('2026-09-20', TRUE, '国庆节调休'), ('2026-09-25', FALSE, '中秋节'), ('2026-09-26', FALSE, '中秋节'), ('2026-09-27', FALSE, '中秋节'),
('2026-10-01', FALSE, '国庆节'), ('2026-10-02', FALSE, '国庆节'), ('2026-10-03', FALSE, '国庆节'), ('2026-10-04', FALSE, '国庆节'),
('2026-10-05', FALSE, '国庆节'), ('2026-10-06', FALSE, '国庆节'), ('2026-10-07', FALSE, '国庆节'), ('2026-10-10', TRUE, '国庆节调休');
