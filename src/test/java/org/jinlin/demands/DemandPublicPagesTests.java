package org.jinlin.demands;

import static org.jinlin.support.DemoAccounts.PASSWORD;

import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.jinlin.people.ResidentRegister;
import org.jinlin.people.ResidentView;
import org.jinlin.shared.ActorPrincipal;
import org.jinlin.territory.Territories;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The public board (no sign-in, no personal data, user text escaped) and the resident's pages: raising a
 * demand through the form, "my demands", rating, and taking part in the deliberation of a public matter.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DemandPublicPagesTests {


	static final String JUNMEN = "350102004001";

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13 };

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	Territories territories;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ResidentRegister residents;

	final JsonMapper json = JsonMapper.builder().build();

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	long building() {
		return territories.lookupByCode("350102004001G01C01B01").orElseThrow().id();
	}

	long raiseThroughApi(String description) throws Exception {
		String body = json.writeValueAsString(Map.of("categoryCode", "sanitation", "description", description,
				"locationNodeId", building()));
		MvcResult r = mvc.perform(post("/api/v1/demands").with(httpBasic("resident1", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated()).andReturn();
		return ((Number) JsonPath.read(r.getResponse().getContentAsString(), "$.id")).longValue();
	}

	void signAndResolve(long id, String reply) throws Exception {
		mvc.perform(post("/api/v1/demands/" + id + "/sign").with(httpBasic("junmen-grid1", PASSWORD)))
			.andExpect(status().isOk());
		mvc.perform(post("/api/v1/demands/" + id + "/resolve").with(httpBasic("junmen-grid1", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content(json.writeValueAsString(Map.of("outcome", "RESOLVED", "reply", reply))))
			.andExpect(status().isOk());
	}

	long demandCount() {
		return jdbc.sql("SELECT COUNT(*) FROM demand").query(Long.class).single();
	}

	String statusOf(long id) {
		return jdbc.sql("SELECT status FROM demand WHERE id = ?").param(id).query(String.class).single();
	}

	@Test
	void aPhoneAndTheRaisersOwnNameAndRoomTypedInADescriptionNeverGoPublic() throws Exception {
		long residentId = ((ActorPrincipal) users.loadUserByUsername("resident1")).actor().residentId();
		ResidentView wang = residents.lookup(residentId).orElseThrow();
		String room = wang.room() + "室";
		long id = raiseThroughApi("我是" + wang.name() + "，住" + room + "，电话138-1234-5678，微信：wxid_abc123，楼道灯坏了");
		String expected = "我是[已隐藏]，住[已隐藏]，电话[已隐藏]，微信：[已隐藏]，楼道灯坏了";
		// Stored as typed: staff still read the whole text.
		assertThat(jdbc.sql("SELECT description FROM demand WHERE id = ?").param(id).query(String.class).single())
			.contains(wang.name(), "138-1234-5678");

		for (String page : new String[] { "/public/board/" + JUNMEN, "/public/board/demands/" + id }) {
			mvc.perform(get(page))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString(expected)))
				.andExpect(content().string(not(containsString("138-1234-5678"))))
				.andExpect(content().string(not(containsString("wxid_abc123"))))
				.andExpect(content().string(not(containsString(wang.name()))))
				.andExpect(content().string(not(containsString(room))));
		}
		mvc.perform(get("/open311/v2/requests.json").param("service_request_id", String.valueOf(id)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].description").value(expected))
			.andExpect(content().string(not(containsString("138-1234-5678"))))
			.andExpect(content().string(not(containsString(wang.name()))));
		mvc.perform(get("/open311/v2/requests/" + id + ".xml"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<description>" + expected + "</description>")))
			.andExpect(content().string(not(containsString(wang.name()))));
		// In English the marker is English.
		mvc.perform(get("/open311/v2/requests.json").param("service_request_id", String.valueOf(id)).param("lang", "en"))
			.andExpect(jsonPath("$[0].description").value(expected.replace("[已隐藏]", "[hidden]")));

		// The reply shown on the board's card and the public timeline are scrubbed too.
		signAndResolve(id, "已修好，联系" + wang.name() + "确认，物业电话0591-87654321");
		mvc.perform(get("/public/board/" + JUNMEN))
			.andExpect(content().string(containsString("已修好，联系[已隐藏]确认，物业电话[已隐藏]")))
			.andExpect(content().string(not(containsString("87654321"))));
		mvc.perform(get("/open311/v2/requests.json").param("service_request_id", String.valueOf(id)))
			.andExpect(jsonPath("$[0].status_notes").value("已修好，联系[已隐藏]确认，物业电话[已隐藏]"));
	}

	@Test
	void theBoardShowsDemandsWithoutSigningInEscapedAndWithoutPersonalData() throws Exception {
		long id = raiseThroughApi("路灯坏了 <script>alert('board')</script> 电话 13812345678 身份证 350102196203154321");

		mvc.perform(get("/public/board"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("军门社区")))
			.andExpect(content().string(containsString("/public/board/" + JUNMEN)));

		mvc.perform(get("/public/board/" + JUNMEN))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"demand-" + id + "\"")))
			.andExpect(content().string(containsString("&lt;script&gt;alert(&#39;board&#39;)&lt;/script&gt;")))
			.andExpect(content().string(not(containsString("<script>alert("))))
			.andExpect(content().string(not(containsString("13812345678"))))
			.andExpect(content().string(not(containsString("350102196203154321"))))
			.andExpect(content().string(not(containsString("王秀兰"))))
			.andExpect(content().string(not(containsString("resident1"))));

		mvc.perform(get("/public/board/" + JUNMEN).param("status", "CLOSED"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"demand-" + id + "\""))));

		mvc.perform(get("/public/board/demands/" + id))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("&lt;script&gt;")))
			.andExpect(content().string(containsString("居民说事")))
			.andExpect(content().string(not(containsString("<script>alert("))))
			.andExpect(content().string(not(containsString("13812345678"))))
			.andExpect(content().string(not(containsString("王秀兰"))))
			.andExpect(content().string(not(containsString("resident1"))));

		// While raising, the resident is shown similar open demands near her home (or a picked point).
		mvc.perform(get("/demands/similar").param("category", "sanitation").param("location", "HOME").with(as("resident1")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/public/board/demands/" + id + "\"")))
			.andExpect(content().string(containsString("&lt;script&gt;")));
		mvc.perform(get("/demands/similar").param("category", "sanitation").param("location", "MAP")
				.param("lat", "26.2").param("lon", "119.5").with(as("resident1")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("href=\"/public/board/demands/" + id + "\""))));

		mvc.perform(get("/public/board/999999")).andExpect(status().isNotFound());
		mvc.perform(get("/public/board/demands/99999999")).andExpect(status().isNotFound());
	}

	@Test
	void theRaiseFormWithBadInputShowsFieldMessagesAndWritesNothing() throws Exception {
		mvc.perform(get("/demands/new").with(as("resident1")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"demand-category\"")))
			.andExpect(content().string(containsString("<optgroup")))
			.andExpect(content().string(containsString("id=\"location-HOME\"")));
		mvc.perform(get("/demands/new/questions").param("category", "elevator").with(as("resident1")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"attribute[trapped]\"")));

		long before = demandCount();
		mvc.perform(multipart("/demands/new").with(as("resident1")).with(csrf())
				.param("category", "").param("description", "  ").param("location", "HOME"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请选择有效的诉求类别")))
			.andExpect(content().string(containsString("请描述您的诉求")));
		// A text file instead of a photo.
		mvc.perform(multipart("/demands/new")
				.file(new MockMultipartFile("photos", "x.txt", "text/plain", "not an image".getBytes()))
				.with(as("resident1")).with(csrf())
				.param("category", "sanitation").param("description", "垃圾没清").param("location", "HOME"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("照片须为 JPEG、PNG 或 WebP 格式")))
			.andExpect(content().string(containsString("垃圾没清")));
		// A required question left out: the message is next to the question, the description kept.
		mvc.perform(multipart("/demands/new").with(as("resident1")).with(csrf())
				.param("category", "elevator").param("description", "电梯停了").param("location", "HOME"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"attribute[trapped]\"")))
			.andExpect(content().string(containsString("此问题必须回答")))
			.andExpect(content().string(containsString("电梯停了")));
		// A map point was chosen but none picked.
		mvc.perform(multipart("/demands/new").with(as("resident1")).with(csrf())
				.param("category", "sanitation").param("description", "垃圾").param("location", "MAP"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请在地图上点选位置")));
		assertThat(demandCount()).isEqualTo(before);
	}

	@Test
	void aValidRaiseWithAPhotoRedirectsAndShowsInMyDemands() throws Exception {
		String url = mvc.perform(multipart("/demands/new")
				.file(new MockMultipartFile("photos", "before.png", "image/png", PNG))
				.with(as("resident1")).with(csrf())
				.param("category", "elevator").param("attribute[trapped]", "no")
				.param("description", "3号楼电梯门关不上，表单提交").param("location", "HOME"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/demands/mine/*"))
			.andExpect(flash().attribute("notice", "demands.public.raised"))
			.andReturn().getResponse().getRedirectedUrl();
		long id = Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
		assertThat(statusOf(id)).isEqualTo("DISPATCHED");
		assertThat(jdbc.sql("SELECT channel FROM demand WHERE id = ?").param(id).query(String.class).single()).isEqualTo("APP");

		mvc.perform(get("/demands/mine").with(as("resident1")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"my-demand-" + id + "\"")))
			.andExpect(content().string(containsString("3号楼电梯门关不上，表单提交")));

		long photoId = jdbc.sql("SELECT id FROM demand_photo WHERE demand_id = ?").param(id).query(Long.class).single();
		mvc.perform(get("/demands/mine/" + id).with(as("resident1")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("src=\"/demands/photos/" + photoId + "\"")))
			.andExpect(content().string(containsString("无人被困")))
			.andExpect(content().string(containsString("居民说事")))
			.andExpect(content().string(not(containsString("id=\"rating-form\""))));
		mvc.perform(get("/demands/photos/" + photoId).with(as("resident1")))
			.andExpect(status().isOk())
			.andExpect(content().contentType("image/png"))
			.andExpect(content().bytes(PNG));
		// Someone else's demand is not found.
		mvc.perform(get("/demands/mine/" + id).with(as("volunteer1"))).andExpect(status().isNotFound());

		mvc.perform(get("/public/board/demands/" + id))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("src=\"/public/demands/photos/" + photoId + "\"")));
		mvc.perform(get("/public/demands/photos/" + photoId))
			.andExpect(status().isOk())
			.andExpect(content().contentType("image/png"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Cache-Control", containsString("max-age")))
			.andExpect(content().bytes(PNG));
	}

	@Test
	void staffRaiseOnBehalfWithTheSameFormAndMustNameTheChannel() throws Exception {
		var building = territories.lookupByCode("350102004001G01C01B01").orElseThrow();
		long before = demandCount();
		mvc.perform(multipart("/demands/new").with(as("junmen")).with(csrf())
				.param("category", "sanitation").param("description", "电话反映：楼道灯不亮").param("location", "MAP")
				.param("lat", building.latitude().toString()).param("lon", building.longitude().toString()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("代居民提交时请选择渠道")));
		assertThat(demandCount()).isEqualTo(before);

		String url = mvc.perform(multipart("/demands/new").with(as("junmen")).with(csrf()).param("channel", "PHONE_CALL")
				.param("category", "sanitation").param("description", "电话反映：楼道灯不亮").param("location", "MAP")
				.param("lat", building.latitude().toString()).param("lon", building.longitude().toString()))
			.andExpect(redirectedUrlPattern("/demands/mine/*"))
			.andReturn().getResponse().getRedirectedUrl();
		long id = Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
		assertThat(jdbc.sql("SELECT channel FROM demand WHERE id = ?").param(id).query(String.class).single())
			.isEqualTo("PHONE_CALL");
	}

	@Test
	void ratingAResolvedDemandClosesItAndUnsatisfiedSendsItBack() throws Exception {
		long id = raiseThroughApi("楼下垃圾桶满了，评价测试");
		signAndResolve(id, "垃圾已清运完毕，评价测试答复");

		mvc.perform(get("/demands/mine/" + id).with(as("resident1")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"rating-SATISFIED\"")))
			.andExpect(content().string(containsString("id=\"rating-submit\"")))
			.andExpect(content().string(containsString("垃圾已清运完毕，评价测试答复")));
		// No rating chosen: a message next to the field, nothing changes.
		mvc.perform(post("/demands/mine/" + id + "/rating").with(as("resident1")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请选择评价")));
		assertThat(statusOf(id)).isEqualTo("RESOLVED");

		mvc.perform(post("/demands/mine/" + id + "/rating").with(as("resident1")).with(csrf())
				.param("rating", "UNSATISFIED").param("comment", "还没清干净"))
			.andExpect(redirectedUrl("/demands/mine/" + id))
			.andExpect(flash().attribute("notice", "demands.public.rated.rework"));
		assertThat(statusOf(id)).isEqualTo("IN_PROGRESS");

		mvc.perform(post("/demands/" + id + "/resolve").with(as("resident1")).with(csrf()))
			.andExpect(status().is4xxClientError());
		mvc.perform(post("/api/v1/demands/" + id + "/resolve").with(httpBasic("junmen-grid1", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content(json.writeValueAsString(Map.of("outcome", "RESOLVED", "reply", "已彻底清理"))))
			.andExpect(status().isOk());
		mvc.perform(post("/demands/mine/" + id + "/rating").with(as("resident1")).with(csrf())
				.param("rating", "SATISFIED").param("comment", "很好"))
			.andExpect(redirectedUrl("/demands/mine/" + id))
			.andExpect(flash().attribute("notice", "demands.public.rated"));
		assertThat(statusOf(id)).isEqualTo("CLOSED");

		// Rating again is refused without changing anything.
		mvc.perform(post("/demands/mine/" + id + "/rating").with(as("resident1")).with(csrf()).param("rating", "UNSATISFIED"))
			.andExpect(flash().attribute("problem", "demands.public.rating.conflict"));
		assertThat(statusOf(id)).isEqualTo("CLOSED");

		mvc.perform(get("/public/board/demands/" + id))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"demand-rating\">满意<")))
			.andExpect(content().string(containsString("已彻底清理")));
	}

	@Test
	void residentsOfTheCommunityDeliberateOnAPublicMatterAndThePublicSeesTheCounts() throws Exception {
		long id = raiseThroughApi("小区想加装充电桩，议事测试");
		mvc.perform(post("/api/v1/demands/" + id + "/public-matter").with(httpBasic("junmen", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"列为议题\"}"))
			.andExpect(status().isOk());
		mvc.perform(post("/api/v1/demands/" + id + "/comments").with(httpBasic("junmen", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"本周六召开议事会\"}"))
			.andExpect(status().isOk());

		mvc.perform(get("/demands/mine/" + id).with(as("resident1")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"stance-support\"")));
		mvc.perform(post("/demands/" + id + "/stance").with(as("resident1")).with(csrf()).param("stance", "SUPPORT"))
			.andExpect(redirectedUrl("/demands/mine/" + id));
		mvc.perform(post("/demands/" + id + "/comments").with(as("resident1")).with(csrf()).param("text", "支持 <b>加装</b>"))
			.andExpect(redirectedUrl("/demands/mine/" + id));
		mvc.perform(get("/public/board/demands/" + id))
			.andExpect(content().string(containsString("本社区居民")))
			.andExpect(content().string(not(containsString("王**"))))
			.andExpect(content().string(containsString("登录参与议事")));
		// signed in, she is not told to sign in
		mvc.perform(get("/public/board/demands/" + id).with(as("resident1")))
			.andExpect(content().string(containsString("参与议事（本社区居民）")))
			.andExpect(content().string(not(containsString("登录参与议事"))));
		mvc.perform(post("/demands/" + id + "/comments").with(as("resident1")).with(csrf()).param("text", "我也支持")
				.param("showName", "true"))
			.andExpect(redirectedUrl("/demands/mine/" + id));
		mvc.perform(post("/demands/" + id + "/comments").with(as("resident1")).with(csrf()).param("text", " "))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请填写说明")));

		mvc.perform(get("/public/board/demands/" + id))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("支持 1")))
			.andExpect(content().string(containsString("反对 0")))
			.andExpect(content().string(containsString("支持 &lt;b&gt;加装&lt;/b&gt;")))
			.andExpect(content().string(containsString("王**")))
			.andExpect(content().string(containsString("社区工作人员")))
			.andExpect(content().string(containsString("id=\"deliberation-join\"")))
			.andExpect(content().string(not(containsString("王秀兰"))))
			.andExpect(content().string(not(containsString(">junmen<"))));
	}

	@Test
	void categoryNamesAreInEnglishWhereTheCatalogueHasOne() throws Exception {
		long id = raiseThroughApi("楼道垃圾没人清，英文页面测试");
		mvc.perform(get("/public/board/demands/" + id).param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(">Sanitation<")))
			.andExpect(content().string(not(containsString(">环境卫生<"))));
		mvc.perform(get("/demands/mine/" + id).param("lang", "en").with(as("resident1")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(">Sanitation<")));
		mvc.perform(get("/demands/mine").param("lang", "en").with(as("resident1")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(">Sanitation<")));
		mvc.perform(get("/public/board/demands/" + id))
			.andExpect(content().string(containsString(">环境卫生<")));
	}
}
