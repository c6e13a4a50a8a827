package org.jinlin.shared.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@link RequestText#clean} keeps and removes. */
class RequestTextTests {

	@ParameterizedTest(name = "{2}")
	@CsvSource(delimiter = '|', textBlock = """
			坏\\ud800字        | 坏字       | lone high surrogate
			坏\\udc00字        | 坏字       | lone low surrogate
			尾\\ud800          | 尾         | high surrogate at the end
			\\ud83d\\ude00笑    | \\ud83d\\ude00笑 | a pair is kept
			响\\u0007铃        | 响铃       | control character
			a\\u0000b          | ab         | NUL
			x\\u009fy          | xy         | C1 control
			普通文本           | 普通文本   | plain text unchanged
			""")
	void cleans(String in, String out, String name) {
		assertThat(RequestText.clean(unescape(in))).isEqualTo(unescape(out));
	}

	@org.junit.jupiter.api.Test
	void keepsTabsAndLineBreaks() {
		assertThat(RequestText.clean("一\t二\r\n三\n")).isEqualTo("一\t二\r\n三\n");
		assertThat(RequestText.clean(null)).isNull();
	}

	static String unescape(String s) {
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < s.length(); i++) {
			if (s.startsWith("\\u", i)) {
				sb.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
				i += 5;
			}
			else {
				sb.append(s.charAt(i));
			}
		}
		return sb.toString();
	}
}
