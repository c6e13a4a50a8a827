package org.jinlin.shared;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared scrubber of free text that goes public: what it hides, and what it must leave alone. */
class PublicTextTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			# mobiles in every common form
			我的电话是13812345678，请回电             | 我的电话是[已隐藏]，请回电
			请打138-1234-5678联系我                  | 请打[已隐藏]联系我
			联系人手机138 1234 5678谢谢               | 联系人手机[已隐藏]谢谢
			号码138.1234.5678可以打                  | 号码[已隐藏]可以打
			电话+86 138 1234 5678找王师傅             | 电话[已隐藏]找王师傅
			电话+8613812345678                       | 电话[已隐藏]
			拨0086 13812345678                       | 拨[已隐藏]
			来电(+86)13812345678                     | 来电[已隐藏]
			请拨打１３８１２３４５６７８联系              | 请拨打[已隐藏]联系
			手机：１３８－１２３４－５６７８              | 手机：[已隐藏]
			电话（＋８６）１３８１２３４５６７８          | 电话[已隐藏]
			有事打15959123456或者18650001234          | 有事打[已隐藏]或者[已隐藏]
			13912345678是我女儿的号码                 | [已隐藏]是我女儿的号码
			物业经理电话17705912345一直不接            | 物业经理电话[已隐藏]一直不接
			请联系＋86 139-5012-3456                  | 请联系[已隐藏]
			电话：+86-138-1234-5678                  | 电话：[已隐藏]
			或者0086-13812345678                     | 或者[已隐藏]
			号码8613812345678                        | 号码[已隐藏]
			电话是 199 5911 2233。                   | 电话是 [已隐藏]。
			我手机号16612345678，晚上联系              | 我手机号[已隐藏]，晚上联系
			打138－1234－5678                         | 打[已隐藏]
			打138‐1234‐5678                          | 打[已隐藏]
			打138　1234　5678                         | 打[已隐藏]
			打＋８６１３８１２３４５６７８              | 打[已隐藏]
			手机138-12345678有人接                    | 手机[已隐藏]有人接
			# landlines with area codes
			座机0591-87654321有人接                   | 座机[已隐藏]有人接
			办公室电话0591 8765 4321                  | 办公室电话[已隐藏]
			打(0591)87654321找物业                    | 打[已隐藏]找物业
			北京的亲戚010-12345678                    | 北京的亲戚[已隐藏]
			分机0591-87654321-123                    | 分机[已隐藏]
			电话（０５９１）８７６５４３２１              | 电话[已隐藏]
			上海的021-61234567                       | 上海的[已隐藏]
			广州020 8123 4567                        | 广州[已隐藏]
			旧号0591-8765432停用了                    | 旧号[已隐藏]停用了
			写的是059187654321                       | 写的是[已隐藏]
			电话0591-87654321转8001                  | 电话[已隐藏]
			座机：+86 591 8765 4321                  | 座机：[已隐藏]
			电话：87654321                           | 电话：[已隐藏]
			联系电话 8765-4321                        | 联系电话 [已隐藏]
			tel: 0591-83331234                      | tel: [已隐藏]
			(0591) 8765-4321是居委会                  | [已隐藏]是居委会
			# ID numbers, 18 and 15 digits
			身份证350102195001011234                 | 身份证[已隐藏]
			身份证号：35010219500101123X              | 身份证号：[已隐藏]
			证件35010219500101123x办理               | 证件[已隐藏]办理
			老身份证350102500101123                   | 老身份证[已隐藏]
			我的身份证号码是 350102 19620315 4321       | 我的身份证号码是 [已隐藏]
			身份证：３５０１０２１９５００１０１１２３４     | 身份证：[已隐藏]
			旧证号110105710923582作废                 | 旧证号[已隐藏]作废
			身份证号 350102199912310011               | 身份证号 [已隐藏]
			My ID is 350102200001010016.            | My ID is [已隐藏].
			老人证件号为350102194512250029，请核实      | 老人证件号为[已隐藏]，请核实
			# e-mail addresses
			邮箱wang.xiuying@example.com有照片        | 邮箱[已隐藏]有照片
			发邮件到 zhang_88@qq.com 谢谢             | 发邮件到 [已隐藏] 谢谢
			请发到Li-Ming+home@mail.fz.gov.cn。       | 请发到[已隐藏]。
			邮箱：ｗａｎｇ＠ｅｘａｍｐｌｅ．ｃｏｍ          | 邮箱：[已隐藏]
			联系abc123@163.com或电话13812345678       | 联系[已隐藏]或电话[已隐藏]
			# WeChat ids introduced as such
			微信：wxid_abc123                        | 微信：[已隐藏]
			微信号 zhangsan_88                        | 微信号 [已隐藏]
			加我VX: abc123                           | 加我VX: [已隐藏]
			wx：wang-xy2026                          | wx：[已隐藏]
			微信是lily_fz                             | 微信是[已隐藏]
			加vx abc_def 详聊                         | 加vx [已隐藏] 详聊
			微信ID：Zhang2026                         | 微信ID：[已隐藏]
			我的wxid_k8s9d0f2                         | 我的[已隐藏]
			微信13812345678                           | 微信[已隐藏]
			WeChat: wang_xiuying                     | WeChat: [已隐藏]
			薇信 abcde12                              | 薇信 [已隐藏]
			V信：fz_laowang                           | V信：[已隐藏]
			微信账号：laowang88                        | 微信账号：[已隐藏]
			ＶＸ：ａｂｃ１２３４                         | ＶＸ：[已隐藏]
			# QQ ids introduced as such
			QQ 123456789                            | QQ [已隐藏]
			QQ号：987654321                          | QQ号：[已隐藏]
			扣扣 12345678                             | 扣扣 [已隐藏]
			qq:10001234                             | qq:[已隐藏]
			我的QQ是2468013579                        | 我的QQ是[已隐藏]
			企鹅号 55667788                           | 企鹅号 [已隐藏]
			ＱＱ：１２３４５６７８９                      | ＱＱ：[已隐藏]
			QQ邮箱123456789@qq.com                   | QQ邮箱[已隐藏]
			扣扣号码：33445566找我                     | 扣扣号码：[已隐藏]找我
			# bank cards: 16 to 19 digits with a Luhn check, grouped by four, or introduced as a card
			退款打到6222021234567890128               | 退款打到[已隐藏]
			卡号 6217 0012 3456 7893                  | 卡号 [已隐藏]
			银行卡6217-0012-3456-7893                 | 银行卡[已隐藏]
			6217001234567893是我的卡                  | [已隐藏]是我的卡
			补贴发到621483012345678902                 | 补贴发到[已隐藏]
			补贴发到62284804025648900                  | 补贴发到[已隐藏]
			账号：6222 0212 3456 7890 128             | 账号：[已隐藏]
			卡号：1234567890123                       | 卡号：[已隐藏]
			工资卡 6222 0212 3456 7890 128 退回        | 工资卡 [已隐藏] 退回
			卡是６２１７００１２３４５６７８９３            | 卡是[已隐藏]
			# licence plates
			闽A12345占了消防通道                       | [已隐藏]占了消防通道
			车牌闽A·12345停了一周                      | 车牌[已隐藏]停了一周
			新能源车闽AD12345                         | 新能源车[已隐藏]
			京N8P8F8乱停                              | [已隐藏]乱停
			粤B 12345堵门                             | [已隐藏]堵门
			闽a12345每天停这里                         | [已隐藏]每天停这里
			大车浙A12345F                             | 大车[已隐藏]
			教练车沪A1234学                            | 教练车[已隐藏]
			川A.12345                               | [已隐藏]
			闽Ａ１２３４５停在门口                        | [已隐藏]停在门口
			# several at once
			王先生13812345678、QQ 123456789、邮箱a@b.cn  | 王先生[已隐藏]、QQ [已隐藏]、邮箱[已隐藏]
			闽A12345的车主电话0591-87654321            | [已隐藏]的车主电话[已隐藏]
			""")
	void hidesEveryFormOfPersonalData(String text, String expected) {
		assertThat(PublicText.scrub(text, Locale.SIMPLIFIED_CHINESE, List.of())).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			我是3号楼502室的王秀英                     | 王秀英;3号楼;502室           | 我是[已隐藏]的[已隐藏]
			王秀英反映楼道灯坏了                        | 王秀英                      | [已隐藏]反映楼道灯坏了
			锦华苑3号楼2单元的住户                      | 锦华苑3号楼;2单元             | [已隐藏]的住户
			我叫王秀英，电话138-1234-5678               | 王秀英                      | 我叫[已隐藏]，电话[已隐藏]
			王秀英、王秀英都签了名                       | 王秀英                      | [已隐藏]、[已隐藏]都签了名
			王秀英王秀英                              | 王秀英                      | [已隐藏]
			住在５０２室                              | 502室                       | 住在[已隐藏]
			王师傅来修过                              | 王;师                       | 王师傅来修过
			502室楼上漏水                             | 501室;李明                   | 502室楼上漏水
			我是3号楼的                               | 3号楼; ;                     | 我是[已隐藏]的
			""")
	void hidesTheRaisersKnownPartsOfTwoCharactersOrMore(String text, String parts, String expected) {
		List<String> known = Arrays.asList(parts.split(";"));
		assertThat(PublicText.scrub(text, Locale.CHINA, known)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			2026-12-07上午路灯不亮
			2026年12月7日晚上八点
			12月7日以来一直漏水
			从09:30到17:30停水
			每天14:30-16:00施工
			物业费涨到120元
			维修花了¥1,200.50
			诉求#12345还没处理
			诉求 12345 已经三天了
			3号楼门口堆满垃圾
			502室楼上漏水
			3号楼2单元502室楼上漏水
			2026年的事
			水费上涨了15%
			5楼到12楼电梯坏了
			第3期工程
			报警打110
			火警119
			急救120
			市民热线12345
			12349养老服务热线
			日期2026.12.07
			日期2026/12/07
			共有38户居民
			面积89.5平方米
			编号2026120712
			订单2026120709301234
			序号1234567890123456
			人数约1000人
			坐标26.0830与119.3060
			温度38.5度
			QQ群里说的
			微信群通知了
			微信公众号发布了
			车位A12345号
			闽江边的步道
			凌晨3点到5点
			12月份电费312.45元
			10086客服说
			排第1381名
			2026-2027年度
			电话12345转接了
			打了电话12345和110
			1号楼至20号楼
			2026年12月07日 09:30:00
			金额 1234567.89 元
			楼栋B-1203
			2026-12-07T09:30:00+08:00
			微信 ok
			""")
	void leavesOrdinaryNumbersAlone(String text) {
		assertThat(PublicText.scrub(text, Locale.SIMPLIFIED_CHINESE, List.of("3号楼2单元501室"))).isEqualTo(text);
	}

	@Test
	void theMarkerFollowsTheLocale() {
		assertThat(PublicText.scrub("Call me on 138-1234-5678 or mail wang@example.org, I am Wang Xiuying.",
				Locale.ENGLISH, List.of("Wang Xiuying")))
			.isEqualTo("Call me on [hidden] or mail [hidden], I am [hidden].");
		assertThat(PublicText.scrub("电话13812345678", Locale.forLanguageTag("en-GB"))).isEqualTo("电话[hidden]");
		assertThat(PublicText.scrub("电话13812345678", null)).isEqualTo("电话[已隐藏]");
		assertThat(PublicText.marker(Locale.CHINA)).isEqualTo("[已隐藏]");
	}

	@Test
	void nullAndEmptyPassThrough() {
		assertThat(PublicText.scrub(null, Locale.CHINA, List.of("王秀英"))).isNull();
		assertThat(PublicText.scrub("", Locale.CHINA, null)).isEmpty();
		assertThat(PublicText.scrub("路灯坏了", Locale.CHINA, null)).isEqualTo("路灯坏了");
		assertThat(PublicText.scrub("王秀英说", Locale.CHINA, Arrays.asList(null, "", "王秀英"))).isEqualTo("[已隐藏]说");
		assertThat(PublicText.find(null, List.of())).isEmpty();
	}

	@Test
	void partsSayWhereAndWhatForCallersThatRenderTheirOwnMarker() {
		String text = "闽A12345，电话１３８１２３４５６７８，王秀英";
		List<PublicText.Part> parts = PublicText.find(text, List.of("王秀英"));
		assertThat(parts).extracting(PublicText.Part::kind)
			.containsExactly(PublicText.Kind.LICENCE_PLATE, PublicText.Kind.MOBILE, PublicText.Kind.KNOWN);
		assertThat(text.substring(parts.get(1).start(), parts.get(1).end())).isEqualTo("１３８１２３４５６７８");
	}

	@Test
	void theLuhnCheckTellsCardsFromOtherLongNumbers() {
		assertThat(PublicText.luhn("6222021234567890128")).isTrue();
		assertThat(PublicText.luhn("6217 0012 3456 7893")).isTrue();
		assertThat(PublicText.luhn("6222021234567890120")).isFalse();
		assertThat(PublicText.luhn("")).isFalse();
	}
}
