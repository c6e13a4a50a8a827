package org.jinlin.support;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.jayway.jsonpath.JsonPath;
import org.awaitility.Awaitility;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/** Starts import jobs through the API and waits for them to finish (not a timing assertion: a guard against hanging). */
public final class ImportJobPolling {

	private ImportJobPolling() {
	}

	/** POSTs the file as multipart and returns the job id; the response must be 202. */
	public static String start(MockMvc mvc, String path, String fileName, byte[] bytes, RequestPostProcessor auth)
			throws Exception {
		var response = mvc.perform(multipart(path).file(new MockMultipartFile("file", fileName,
				MediaType.APPLICATION_OCTET_STREAM_VALUE, bytes)).with(auth).accept(MediaType.APPLICATION_JSON))
			.andReturn().getResponse();
		if (response.getStatus() != 202) {
			throw new AssertionError("Expected 202 but got " + response.getStatus() + ": " + response.getContentAsString());
		}
		return JsonPath.read(response.getContentAsString(), "$.id");
	}

	/** Polls {@code GET /api/v1/imports/{id}} until the job is finished; returns its JSON as a map. */
	public static Map<String, Object> await(MockMvc mvc, String id, RequestPostProcessor auth, Duration max) {
		AtomicReference<Map<String, Object>> last = new AtomicReference<>();
		Awaitility.await("import job " + id).atMost(max).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			String json = mvc.perform(get("/api/v1/imports/" + id).with(auth).accept(MediaType.APPLICATION_JSON))
				.andReturn().getResponse().getContentAsString();
			Map<String, Object> job = JsonPath.read(json, "$");
			last.set(job);
			assertThat(job.get("status")).as("status of %s", json).isIn("SUCCEEDED", "FAILED");
		});
		return last.get();
	}
}
