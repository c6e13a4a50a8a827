package org.jinlin.publiclog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.jinlin.demands.DemandClosed;
import org.jinlin.demands.Outcome;
import org.jinlin.demands.Rating;
import org.jinlin.publiclog.internal.LogIntegration;
import org.jinlin.publiclog.internal.LogSelfCheck;
import org.jinlin.publiclog.internal.LogSettings;
import org.jinlin.publiclog.tlog.LogVerifier;
import org.jinlin.publiclog.tlog.ProofVerifier;
import org.jinlin.publiclog.tlog.SignedNote;
import org.jinlin.servicehours.HoursCredited;
import org.jinlin.servicehours.ServiceSource;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The public log end to end: facts from other modules' events go in once each, the checkpoint is signed by the
 * published key, the tiles and proofs served verify (with the code the standalone verifier uses), the verify
 * endpoints answer every well-formed question with valid true or false, and a leaf changed in the database is found
 * by the self-check and by the standalone verifier, after which the log is no longer served as sound.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PublicLogTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	Territories territories;

	@Autowired
	LogIntegration integration;

	@Autowired
	LogSelfCheck selfCheck;

	@Autowired
	LogSettings settings;

	@Autowired
	UserDetailsService users;

	long closeDemand() {
		TerritoryNode junmen = territories.lookupByCode("350102004001").orElseThrow();
		long id = 7_000_000L + System.nanoTime() % 1_000_000L;
		Instant now = Instant.now();
		DemandClosed closed = new DemandClosed(id, junmen.path(), junmen.id(), 42L, Rating.SATISFIED, false, now, "junmen",
				"environment", Outcome.RESOLVED, now.minus(Duration.ofDays(3)), now.minus(Duration.ofDays(1)));
		tx.executeWithoutResult(s -> events.publishEvent(closed));
		// delivered twice (a redelivery after a crash): still one fact
		tx.executeWithoutResult(s -> events.publishEvent(closed));
		// the deliveries queue behind whatever the context's demo city and earlier tests published (on the PostgreSQL
		// pass that backlog once took more than 30 s), so the wait is generous; it ends as soon as both are done
		await().atMost(Duration.ofMinutes(3)).until(() -> jdbc.sql("""
				SELECT COUNT(*) FROM event_publication WHERE listener_id LIKE '%PublicFacts%'
				  AND serialized_event LIKE ? AND completion_date IS NOT NULL""")
			.param("%\"demandId\":" + id + ",%").query(Long.class).single() == 2);
		integration.integrateAll();
		return id;
	}

	String json(String url) throws Exception {
		return mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	@Test
	void aClosedDemandIsOnTheLogOnceWithoutPersonalDataAndItsProofVerifies() throws Exception {
		long id = closeDemand();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM log_leaf WHERE source_key = ?").param("demand.closed:" + id)
			.query(Long.class).single()).isOne();

		// signed out: the leaf, the signed checkpoint, the proof
		String leaf = json("/api/v1/log/leaves/find?kind=demand.closed&ref=" + id);
		String entry = JsonPath.read(leaf, "$.entry");
		assertThat(entry).startsWith("{\"category\":\"environment\",\"closed\":")
			.contains("\"demand\":" + id, "\"rating\":\"SATISFIED\"", "\"outcome\":\"RESOLVED\"")
			.doesNotContain("junmen", "resident");
		long index = ((Number) JsonPath.read(leaf, "$.index")).longValue();

		String note = mvc.perform(get("/log/checkpoint")).andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_PLAIN)).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		var checkpoint = org.jinlin.publiclog.tlog.Checkpoint
			.parse(SignedNote.open(note, SignedNote.verifier(settings.verifierKey())));
		assertThat(checkpoint.origin()).isEqualTo("jinlin.demo/log");
		assertThat(checkpoint.size()).isGreaterThan(index);

		String proof = json("/api/v1/log/proof/inclusion?index=" + index + "&size=" + checkpoint.size());
		List<byte[]> path = JsonPath.<List<String>>read(proof, "$.proof").stream().map(Base64.getDecoder()::decode).toList();
		byte[] leafHash = Base64.getDecoder().decode((String) JsonPath.read(leaf, "$.leafHash"));
		assertThat(ProofVerifier.inclusion(leafHash, index, checkpoint.size(), path, checkpoint.rootHash()).valid())
			.isTrue();

		// the same through the public verify endpoint, and a wrong index is simply not valid
		List<String> proofHashes = JsonPath.read(proof, "$.proof");
		String body = """
				{"leafHash":"%s","index":%d,"treeSize":%d,"proof":[%s],"rootHash":"%s"}""".formatted(
				JsonPath.read(leaf, "$.leafHash"), index, checkpoint.size(),
				String.join(",", proofHashes.stream().map(x -> "\"" + x + "\"").toList()),
				Base64.getEncoder().encodeToString(checkpoint.rootHash()));
		mvc.perform(post("/api/v1/log/verify/inclusion").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isOk()).andExpect(jsonPath("$.valid").value(true));
		mvc.perform(post("/api/v1/log/verify/inclusion").contentType(MediaType.APPLICATION_JSON)
			.content(body.replace("\"index\":" + index, "\"index\":" + (index + checkpoint.size()))))
			.andExpect(status().isOk()).andExpect(jsonPath("$.valid").value(false));
	}

	@Test
	void theVerifyEndpointsAnswerImpossibleQuestionsAndRefuseOnlyMalformedOnes() throws Exception {
		String h = Base64.getEncoder().encodeToString(new byte[32]);
		mvc.perform(post("/api/v1/log/verify/consistency").contentType(MediaType.APPLICATION_JSON)
			.content("{\"size1\":9,\"size2\":3,\"proof\":[],\"root1\":\"" + h + "\",\"root2\":\"" + h + "\"}"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.valid").value(false))
			.andExpect(jsonPath("$.reason").isNotEmpty());
		mvc.perform(post("/api/v1/log/verify/inclusion").contentType(MediaType.APPLICATION_JSON)
			.content("{\"leafHash\":\"" + h + "\",\"index\":-4,\"treeSize\":0,\"proof\":[],\"rootHash\":\"" + h + "\"}"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.valid").value(false));
		mvc.perform(post("/api/v1/log/verify/inclusion").contentType(MediaType.APPLICATION_JSON)
			.content("{\"leafHash\":\"not base64!\",\"index\":0,\"treeSize\":1,\"proof\":[],\"rootHash\":\"" + h + "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(post("/api/v1/log/verify/consistency").contentType(MediaType.APPLICATION_JSON).content("{\"size1\":"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(get("/api/v1/log/proof/inclusion?index=0&size=999999999999"))
			.andExpect(status().isBadRequest());
	}

	@Test
	void hoursAreLoggedUnderAPseudonymOnlyTheKeyHolderCanCompute() throws Exception {
		TerritoryNode junmen = territories.lookupByCode("350102004001").orElseThrow();
		long record = 6_000_000L + System.nanoTime() % 1_000_000L;
		tx.executeWithoutResult(s -> events.publishEvent(new HoursCredited(record, "volunteer1", junmen.id(),
				junmen.path(), new BigDecimal("2.50"), ServiceSource.MICRO_WISH, Instant.now())));
		// waiting, or already integrated by the timer
		await().atMost(Duration.ofMinutes(3)).until(() -> jdbc.sql("""
				SELECT (SELECT COUNT(*) FROM log_pending WHERE source_key = :k) + (SELECT COUNT(*) FROM log_leaf WHERE source_key = :k)""")
			.param("k", "hours.credited:" + record).query(Long.class).single() == 1);
		integration.integrateAll();
		String pseudonym = settings.pseudonym("volunteer1");
		assertThat(pseudonym).hasSize(32).doesNotContain("volunteer");
		String leaves = json("/api/v1/log/leaves?holder=" + pseudonym);
		assertThat(JsonPath.<List<String>>read(leaves, "$.items[*].entry")).anySatisfy(e -> assertThat(e)
			.contains("\"record\":" + record, "\"hours\":\"2.50\"", pseudonym).doesNotContain("volunteer1"));
	}

	@Test
	void aLeafChangedInTheDatabaseIsFoundByTheSelfCheckAndTheStandaloneVerifier() throws Exception {
		long id = closeDemand();
		assertThat(selfCheck.check().sound()).isTrue();
		LogVerifier verifier = new LogVerifier(path -> {
			try {
				var r = mvc.perform(get("/log/" + path)).andReturn().getResponse();
				if (r.getStatus() != 200) {
					throw new IOException(path + " answered " + r.getStatus());
				}
				return r.getContentAsByteArray();
			}
			catch (IOException e) {
				throw e;
			}
			catch (Exception e) {
				throw new IOException(e);
			}
		}, SignedNote.verifier(settings.verifierKey()));
		List<String> lines = new ArrayList<>();
		assertThat(verifier.check(null, lines).ok()).as(String.join("\n", lines)).isTrue();

		byte[] original = jdbc.sql("SELECT entry FROM log_leaf WHERE source_key = ?").param("demand.closed:" + id)
			.query(byte[].class).single();
		String altered = new String(original, StandardCharsets.UTF_8).replace("SATISFIED", "VERY_SATISFIED");
		jdbc.sql("UPDATE log_leaf SET entry = ? WHERE source_key = ?")
			.params(altered.getBytes(StandardCharsets.UTF_8), "demand.closed:" + id).update();
		try {
			lines.clear();
			assertThat(verifier.check(null, lines).ok()).isFalse();
			assertThat(String.join("\n", lines)).contains("do not hash to the checkpoint's root");

			LogSelfCheck.Result check = selfCheck.check();
			assertThat(check.sound()).isFalse();
			assertThat(check.problems()).anySatisfy(p -> assertThat(p).contains("does not hash to its leaf hash"));
			// no longer served as sound; the health endpoint says so; staff see what is wrong
			mvc.perform(get("/log/checkpoint")).andExpect(status().isServiceUnavailable());
			mvc.perform(get("/actuator/health")).andExpect(status().isServiceUnavailable());
			mvc.perform(get("/log/status").with(user(users.loadUserByUsername("admin")))).andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"status-tampered\"")));
		}
		finally {
			jdbc.sql("UPDATE log_leaf SET entry = ? WHERE source_key = ?").params(original, "demand.closed:" + id).update();
			assertThat(selfCheck.check().sound()).isTrue();
		}
	}
}
