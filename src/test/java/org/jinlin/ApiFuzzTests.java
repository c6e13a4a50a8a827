package org.jinlin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.instancio.Instancio;
import org.instancio.InstancioGenApi;
import org.instancio.generator.Generator;
import org.instancio.generator.ValueSpec;
import org.instancio.support.DefaultRandom;
import org.instancio.support.Seeds;
import org.jinlin.support.DemoAccounts;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The schema-driven fuzzer: reads the running application's OpenAPI description ({@code /v3/api-docs}) and sends
 * every operation, as a staff account and as a resident, requests generated from its parameter and body schemas by
 * Instancio's seeded value generators: valid ones, and invalid ones (wrong types, out-of-range numbers and dates,
 * over-long text, missing required and unknown extra fields, bad percent-encoding and invalid UTF-8, lone
 * surrogates and control characters, malformed, truncated and mistyped bodies, bad path values).
 *
 * <p>Every answer is checked: no 5xx ever; the status code is one the description documents for the operation;
 * an error answer is {@code application/problem+json}; a JSON answer conforms to the documented schema (a property
 * that is not {@code required} may be {@code null}). The application runs in a context and database of its own
 * (reads first, then changes, deletions last). Tries per operation are bounded: {@code -Djinlin.fuzz.cases=N} (per
 * account, default 10: half valid, half invalid), {@code -Djinlin.fuzz.seed=S} to replay a run. A summary line gives operations, cases and
 * results.
 */
@Tag("fuzz")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "jinlin.fuzz.context=own")
class ApiFuzzTests {

	static final ObjectMapper JSON = new ObjectMapper();

	static final int CASES = Integer.getInteger("jinlin.fuzz.cases", 10);

	static final long SEED = Long.getLong("jinlin.fuzz.seed", 20261207L);

	/** Territory codes of the demo city, so that generated codes sometimes name a real place. */
	static final List<String> CODES = List.of("350100", "350102", "350102004000", "350102004001", "350102004001G01",
			"350102004001G01C01", "350102004001G01C01B01", "350103", "999999");

	/**
	 * Every request signs in with HTTP Basic, and checking a password hash on each would take most of the run's
	 * time: this context remembers the answer for a password and hash it has checked (encoding is unchanged).
	 */
	@TestConfiguration
	static class RememberedPasswordChecks {

		@Bean
		@Primary
		PasswordEncoder rememberingPasswordEncoder() {
			PasswordEncoder real = PasswordEncoderFactories.createDelegatingPasswordEncoder();
			Map<String, Boolean> checked = new ConcurrentHashMap<>();
			return new PasswordEncoder() {

				@Override
				public String encode(CharSequence raw) {
					return real.encode(raw);
				}

				@Override
				public boolean matches(CharSequence raw, String encoded) {
					return checked.computeIfAbsent(raw + "\u0000" + encoded, k -> real.matches(raw, encoded));
				}

				@Override
				public boolean upgradeEncoding(String encoded) {
					return real.upgradeEncoding(encoded);
				}
			};
		}
	}

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	final DefaultRandom random = new DefaultRandom(SEED, Seeds.Source.MANUAL);

	final InstancioGenApi gen = Instancio.gen();

	JsonNode doc;

	final Map<String, Integer> results = new TreeMap<>();

	final Map<String, String> failures = new LinkedHashMap<>();

	int failureCount;

	record Operation(String method, String path, JsonNode op) {

		String name() {
			return method + " " + path;
		}

		int order() {
			return switch (method) {
				case "GET" -> 0;
				case "DELETE" -> 2;
				default -> 1;
			};
		}
	}

	record Case(String kind, String path, String query, Map<String, String> headers, byte[] body) {
	}

	@Test
	void everyOperationAnswersWithoutServerErrorsAsTheDescriptionSays() throws Exception {
		HttpResponse<byte[]> apiDocs = http.send(HttpRequest.newBuilder(uri("/v3/api-docs", "")).GET().build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(apiDocs.statusCode()).isEqualTo(200);
		doc = JSON.readTree(apiDocs.body());
		List<Operation> operations = new ArrayList<>();
		for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext();) {
			Map.Entry<String, JsonNode> p = paths.next();
			for (Iterator<Map.Entry<String, JsonNode>> ms = p.getValue().fields(); ms.hasNext();) {
				Map.Entry<String, JsonNode> m = ms.next();
				if (List.of("get", "post", "put", "patch", "delete").contains(m.getKey())) {
					operations.add(new Operation(m.getKey().toUpperCase(Locale.ROOT), p.getKey(), m.getValue()));
				}
			}
		}
		operations.sort(Comparator.comparingInt(Operation::order).thenComparing(Operation::path));
		assertThat(operations).hasSizeGreaterThan(50);

		Instant started = Instant.now();
		int cases = 0;
		Map<String, Long> millis = new LinkedHashMap<>();
		for (Operation op : operations) {
			long t0 = System.nanoTime();
			for (String account : List.of(DemoAccounts.CITY, DemoAccounts.RESIDENT)) {
				int valid = binary(op) ? 1 : Math.max(1, CASES / 2);
				for (int i = 0; i < CASES; i++) {
					Case c = i < valid ? valid(op) : invalid(op);
					send(op, account, c);
					cases++;
				}
			}
			millis.put(op.name(), (System.nanoTime() - t0) / 1_000_000);
		}
		System.out.printf("API fuzz: %d operations, %d cases as %s and %s in %d s, seed %d; results %s; %d failures%n",
				operations.size(), cases, DemoAccounts.CITY, DemoAccounts.RESIDENT,
				Duration.between(started, Instant.now()).toSeconds(), SEED, results, failureCount);
		System.out.println("API fuzz: slowest operations (ms) " + millis.entrySet().stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8).toList());
		failures.forEach((k, v) -> System.out.println("API fuzz failure: " + k + "\n    " + v));
		assertThat(failures).as("fuzz failures (first example of each)").isEmpty();
	}

	// ------------------------------------------------------------------ sending and checking

	void send(Operation op, String account, Case c) {
		String token = Base64.getEncoder()
			.encodeToString((account + ":" + DemoAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8));
		HttpRequest.Builder b;
		try {
			b = HttpRequest.newBuilder(uri(c.path(), c.query())).timeout(Duration.ofSeconds(120));
		}
		catch (IllegalArgumentException e) {
			return; // not a URI the client can send at all
		}
		b.header("Authorization", "Basic " + token).header("Accept", "application/json, application/problem+json, */*");
		c.headers().forEach(b::header);
		b.method(op.method(), c.body() == null ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofByteArray(c.body()));
		HttpResponse<byte[]> r;
		try {
			r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (Exception e) {
			fail(op, "no answer (" + e.getClass().getSimpleName() + ")", c, account, null);
			return;
		}
		int status = r.statusCode();
		results.merge(status / 100 + "xx", 1, Integer::sum);
		String contentType = r.headers().firstValue("Content-Type").orElse("");
		if (status >= 500) {
			fail(op, "server error " + status, c, account, r);
			return;
		}
		JsonNode responses = op.op().path("responses");
		JsonNode documented = responses.has(String.valueOf(status)) ? responses.get(String.valueOf(status))
				: responses.get("default");
		if (documented == null) {
			fail(op, "undocumented status " + status, c, account, r);
			return;
		}
		if (status >= 400 && !contentType.startsWith("application/problem+json")) {
			fail(op, "error " + status + " not problem+json but " + contentType, c, account, r);
			return;
		}
		if (!contentType.contains("json") || r.body().length == 0) {
			return;
		}
		JsonNode body;
		try {
			body = JSON.readTree(r.body());
		}
		catch (Exception e) {
			fail(op, "invalid JSON answer " + status, c, account, r);
			return;
		}
		JsonNode schema = schemaOf(documented.path("content"), contentType);
		if (schema != null) {
			List<String> errors = new ArrayList<>();
			validate(schema, body, "$", errors, 0);
			if (!errors.isEmpty()) {
				fail(op, "answer " + status + " does not conform: " + errors.get(0) + " (documented as "
						+ iterable(documented.path("content").fieldNames()) + ")", c, account, r);
			}
		}
	}

	void fail(Operation op, String what, Case c, String account, HttpResponse<byte[]> r) {
		failureCount++;
		String key = op.name() + " → " + what.replaceAll("\\$\\[[0-9]+\\]", "\\$[i]");
		failures.putIfAbsent(key, account + " " + c.kind() + ": " + op.method() + " " + abbreviate(c.path() + (c.query().isEmpty() ? "" : "?" + c.query()))
				+ (c.body() == null ? "" : " body " + abbreviate(new String(c.body(), StandardCharsets.UTF_8)))
				+ (r == null ? "" : " ⇒ " + abbreviate(new String(r.body(), StandardCharsets.UTF_8))));
	}

	static String abbreviate(String s) {
		return s.length() > 300 ? s.substring(0, 300) + "…(" + s.length() + ")" : s;
	}

	URI uri(String path, String query) {
		return URI.create("http://localhost:" + port + path + (query.isEmpty() ? "" : "?" + query));
	}

	/** Operations answering a file (Excel, PDF): slow to build, so one valid case each. */
	static boolean binary(Operation op) {
		JsonNode ok = op.op().path("responses").path("200").path("content");
		return op.path().matches(".*\\.(xlsx|pdf|csv|png)$")
				|| ok.size() > 0 && !ok.has("application/json") && !ok.has("*/*");
	}

	JsonNode schemaOf(JsonNode content, String contentType) {
		if (content == null || content.isMissingNode() || content.size() == 0) {
			return null;
		}
		String type = contentType.split(";")[0].trim();
		if (content.has(type)) {
			return content.get(type).get("schema");
		}
		if (content.has("*/*")) {
			return content.get("*/*").get("schema");
		}
		return content.elements().next().get("schema");
	}

	// ------------------------------------------------------------------ response schema conformance

	JsonNode resolve(JsonNode schema) {
		int guard = 0;
		while (schema != null && schema.has("$ref") && guard++ < 20) {
			String ref = schema.get("$ref").asText();
			schema = doc.at(ref.substring(1));
		}
		return schema;
	}

	void validate(JsonNode schema, JsonNode v, String at, List<String> errors, int depth) {
		schema = resolve(schema);
		if (schema == null || schema.isMissingNode() || depth > 30 || !errors.isEmpty()) {
			return;
		}
		if (schema.has("allOf")) {
			schema.get("allOf").forEach(s -> validate(s, v, at, errors, depth + 1));
		}
		for (String any : List.of("oneOf", "anyOf")) {
			if (schema.has(any)) {
				boolean one = false;
				for (JsonNode s : schema.get(any)) {
					List<String> e = new ArrayList<>();
					validate(s, v, at, e, depth + 1);
					one |= e.isEmpty();
				}
				if (!one) {
					errors.add(at + " matches none of " + any);
				}
			}
		}
		List<String> types = types(schema);
		if (v.isNull()) {
			if (!types.isEmpty() && !types.contains("null") && !schema.path("nullable").asBoolean(false)) {
				errors.add(at + " is null");
			}
			return;
		}
		if (!types.isEmpty() && types.stream().noneMatch(t -> is(t, v))) {
			errors.add(at + " is " + v.getNodeType() + ", described as " + types);
			return;
		}
		if (schema.has("enum") && v.isTextual()) {
			boolean listed = false;
			for (JsonNode e : schema.get("enum")) {
				listed |= e.asText().equals(v.asText());
			}
			if (!listed) {
				errors.add(at + " = " + v.asText() + " is not in its enum");
			}
		}
		if (v.isArray() && schema.has("items")) {
			int i = 0;
			for (JsonNode item : v) {
				if (i >= 50) {
					break;
				}
				validate(schema.get("items"), item, at + "[" + i++ + "]", errors, depth + 1);
			}
		}
		if (v.isObject()) {
			JsonNode props = schema.path("properties");
			for (JsonNode r : schema.path("required")) {
				if (!v.has(r.asText()) || v.get(r.asText()).isNull()) {
					errors.add(at + "." + r.asText() + " is required");
				}
			}
			for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext();) {
				Map.Entry<String, JsonNode> f = it.next();
				if (props.has(f.getKey())) {
					JsonNode ps = props.get(f.getKey());
					if (f.getValue().isNull()) {
						continue; // not required: null is as good as absent
					}
					validate(ps, f.getValue(), at + "." + f.getKey(), errors, depth + 1);
				}
				else if (schema.path("additionalProperties").isObject()) {
					validate(schema.get("additionalProperties"), f.getValue(), at + "." + f.getKey(), errors, depth + 1);
				}
			}
		}
	}

	static List<String> types(JsonNode schema) {
		List<String> types = new ArrayList<>();
		JsonNode t = schema.get("type");
		if (t != null && t.isArray()) {
			t.forEach(x -> types.add(x.asText()));
		}
		else if (t != null) {
			types.add(t.asText());
		}
		return types;
	}

	static boolean is(String type, JsonNode v) {
		return switch (type) {
			case "object" -> v.isObject();
			case "array" -> v.isArray();
			case "string" -> v.isTextual();
			case "integer" -> v.isIntegralNumber() || v.isNumber() && v.asDouble() == Math.rint(v.asDouble());
			case "number" -> v.isNumber();
			case "boolean" -> v.isBoolean();
			case "null" -> v.isNull();
			default -> true;
		};
	}

	// ------------------------------------------------------------------ generating requests

	<T> T draw(ValueSpec<T> spec) {
		if (spec instanceof Generator<?> g) {
			@SuppressWarnings("unchecked")
			T t = ((Generator<T>) g).generate(random);
			return t;
		}
		return spec.get();
	}

	int between(int min, int max) {
		return random.intRange(min, max);
	}

	Case valid(Operation op) {
		return build(op, "valid", null);
	}

	/** An invalid case: one mutation, chosen at random among those the operation allows. */
	Case invalid(Operation op) {
		List<String> kinds = new ArrayList<>(List.of("extra-param", "bad-encoding-query", "weird-text"));
		if (!params(op, "path").isEmpty()) {
			kinds.add("bad-path");
		}
		if (!params(op, "query").isEmpty()) {
			kinds.addAll(List.of("wrong-type", "out-of-range", "missing-required"));
		}
		if (op.op().has("requestBody")) {
			kinds.addAll(List.of("body-wrong-type", "body-out-of-range", "body-missing-required", "body-extra-field",
					"body-malformed", "body-bad-encoding", "body-wrong-content-type", "body-empty"));
		}
		return build(op, random.oneOf(kinds), null);
	}

	List<JsonNode> params(Operation op, String in) {
		List<JsonNode> list = new ArrayList<>();
		for (JsonNode p : op.op().path("parameters")) {
			JsonNode param = resolve(p);
			if (in.equals(param.path("in").asText())) {
				list.add(param);
			}
		}
		return list;
	}

	Case build(Operation op, String kind, Object unused) {
		// path
		String path = op.path();
		for (JsonNode p : params(op, "path")) {
			String name = p.get("name").asText();
			String value = "bad-path".equals(kind) ? random.oneOf("abc", "-1", "0", "99999999999999999999", "%FF%FE",
					"%00", "1.5", "%20", "%2e%2e", "NaN", "1e309", draw(gen.string().length(200, 400)))
					: text(valid(p.get("schema"), name));
			String encoded = value.startsWith("%") ? value : URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
			path = path.replace("{" + name + "}", encoded);
		}
		// query
		List<String> query = new ArrayList<>();
		List<JsonNode> qs = params(op, "query");
		JsonNode target = qs.isEmpty() ? null : random.oneOf(qs);
		for (JsonNode p : qs) {
			String name = p.get("name").asText();
			boolean required = p.path("required").asBoolean(false);
			if (p == target && "missing-required".equals(kind)) {
				continue;
			}
			if (!required && p != target && random.trueOrFalse()) {
				continue;
			}
			JsonNode schema = resolve(p.get("schema"));
			if (p == target && "wrong-type".equals(kind)) {
				query.add(enc(name) + "=" + enc(wrongType(schema).asText()));
			}
			else if (p == target && "out-of-range".equals(kind)) {
				// At most 2,000 characters: a longer request line is refused by the container before any path is known.
				String v = outOfRange(schema);
				query.add(enc(name) + "=" + enc(v.length() > 2000 ? v.substring(0, 2000) : v));
			}
			else if (p == target && "weird-text".equals(kind)) {
				query.add(enc(name) + "=" + enc(weird()));
			}
			else if (p == target && "bad-encoding-query".equals(kind)) {
				query.add(enc(name) + "=" + random.oneOf("%FF%FE", "%C0%AE", "%ED%A0%80", "%E4%B8", "%00"));
			}
			else if (schema != null && "array".equals(first(types(schema)))) {
				JsonNode items = valid(schema, name);
				items.forEach(i -> query.add(enc(name) + "=" + enc(text(i))));
			}
			else {
				query.add(enc(name) + "=" + enc(text(valid(schema, name))));
			}
		}
		if ("extra-param".equals(kind)) {
			query.add(enc(draw(gen.string().length(1, 12))) + "=" + enc(draw(gen.string().length(0, 30))));
		}
		if ("bad-encoding-query".equals(kind) && target == null) {
			query.add("x=" + random.oneOf("%FF%FE", "%C0%AE", "%ED%A0%80"));
		}
		// body
		Map<String, String> headers = new LinkedHashMap<>();
		byte[] body = null;
		JsonNode requestBody = resolve(op.op().get("requestBody"));
		if (requestBody != null && !requestBody.isMissingNode()) {
			JsonNode content = requestBody.path("content");
			String mediaType = content.fieldNames().hasNext() ? content.fieldNames().next() : "application/json";
			JsonNode schema = resolve(content.path(mediaType).get("schema"));
			if (mediaType.startsWith("multipart/")) {
				return new Case(kind, path, String.join("&", query), headers(headers, "multipart/form-data; boundary=FUZZ"),
						multipart(schema, kind));
			}
			JsonNode value = valid(schema, "body");
			switch (kind) {
				case "body-wrong-type" -> value = mutateField(value, schema, v -> wrongType(v));
				case "body-out-of-range" -> value = mutateField(value, schema, v -> JSON.valueToTree(outOfRangeValue(v)));
				case "body-missing-required" -> {
					if (value instanceof ObjectNode o && o.size() > 0) {
						o.remove(random.oneOf(iterable(o.fieldNames())));
					}
				}
				case "body-extra-field" -> {
					if (value instanceof ObjectNode o) {
						o.put(draw(gen.string().length(1, 12)), draw(gen.string().length(0, 20)));
					}
				}
				case "weird-text" -> value = mutateField(value, schema, v -> JsonNodeFactory.instance.textNode(weird()));
				default -> {
				}
			}
			headers.put("Content-Type", "application/json");
			body = bytes(value);
			switch (kind) {
				case "body-malformed" -> body = random.oneOf("{", "{\"a\":", "[1,2", "nul", "\"unterminated", "{}}", "{'a':1}")
					.getBytes(StandardCharsets.UTF_8);
				case "body-bad-encoding" -> {
					String s = new String(body, StandardCharsets.UTF_8);
					int cut = s.indexOf("\":\"");
					String mode = random.oneOf("invalid-utf8", "surrogate", "gbk", "control");
					if ("gbk".equals(mode)) {
						headers.put("Content-Type", "application/json;charset=GBK");
						body = ("{\"description\":\"" + "楼道堆物" + "\"}").getBytes(java.nio.charset.Charset.forName("GBK"));
					}
					else if ("surrogate".equals(mode)) {
						body = (cut < 0 ? "\"\\ud800\"" : s.substring(0, cut + 3) + "\\ud800\\u0000" + s.substring(cut + 3))
							.getBytes(StandardCharsets.UTF_8);
					}
					else if ("control".equals(mode)) {
						body = (cut < 0 ? "\"\u0001\"" : s.substring(0, cut + 3) + "\u0001\u001b[31m" + s.substring(cut + 3))
							.getBytes(StandardCharsets.UTF_8);
					}
					else {
						ByteArrayOutputStream out = new ByteArrayOutputStream();
						int at = Math.max(0, cut < 0 ? body.length / 2 : cut + 3);
						out.write(body, 0, at);
						out.write(new byte[] { (byte) 0xFF, (byte) 0xFE, (byte) 0xC0 }, 0, 3);
						out.write(body, at, body.length - at);
						body = out.toByteArray();
					}
				}
				case "body-wrong-content-type" -> headers.put("Content-Type",
						random.oneOf("text/plain", "application/xml", "application/x-www-form-urlencoded", "image/png"));
				case "body-empty" -> body = random.oneOf("", "null", "[]", "0", "\"\"").getBytes(StandardCharsets.UTF_8);
				default -> {
				}
			}
		}
		return new Case(kind, path, String.join("&", query), headers, body);
	}

	static Map<String, String> headers(Map<String, String> h, String contentType) {
		h.put("Content-Type", contentType);
		return h;
	}

	byte[] multipart(JsonNode schema, String kind) {
		StringBuilder b = new StringBuilder();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		JsonNode props = schema == null ? JsonNodeFactory.instance.objectNode() : schema.path("properties");
		for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext();) {
			Map.Entry<String, JsonNode> f = it.next();
			JsonNode ps = resolve(f.getValue());
			boolean file = "binary".equals(ps.path("format").asText())
					|| "array".equals(first(types(ps))) && "binary".equals(resolve(ps.path("items")).path("format").asText());
			b.append("--FUZZ\r\n");
			if (file) {
				b.append("Content-Disposition: form-data; name=\"").append(f.getKey())
					.append("\"; filename=\"photo.png\"\r\nContent-Type: image/png\r\n\r\n");
				b.append(draw(gen.string().length(4, 64)));
			}
			else {
				JsonNode v = valid(ps, f.getKey());
				if ("body-wrong-type".equals(kind)) {
					v = wrongType(ps);
				}
				boolean json = v.isObject() || v.isArray();
				b.append("Content-Disposition: form-data; name=\"").append(f.getKey()).append("\"\r\n");
				if (json) {
					b.append("Content-Type: application/json\r\n");
				}
				b.append("\r\n").append(json ? v.toString() : text(v));
			}
			b.append("\r\n");
		}
		b.append("--FUZZ--\r\n");
		byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
		if (kind.startsWith("body-malformed") || kind.equals("body-bad-encoding")) {
			// a truncated multipart body
			return java.util.Arrays.copyOf(bytes, Math.max(1, bytes.length / 2));
		}
		if (kind.equals("body-empty")) {
			return new byte[0];
		}
		out.writeBytes(bytes);
		return out.toByteArray();
	}

	static <T> List<T> iterable(Iterator<T> it) {
		List<T> list = new ArrayList<>();
		it.forEachRemaining(list::add);
		return list;
	}

	static String first(List<String> types) {
		return types.stream().filter(t -> !"null".equals(t)).findFirst().orElse(null);
	}

	static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	static String text(JsonNode v) {
		return v == null || v.isNull() ? "" : v.isTextual() ? v.asText() : v.toString();
	}

	static byte[] bytes(JsonNode v) {
		try {
			return JSON.writeValueAsBytes(v);
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	/** One field of a generated body (at any depth of the first level) replaced by a mutation of its schema. */
	JsonNode mutateField(JsonNode value, JsonNode schema, java.util.function.Function<JsonNode, JsonNode> mutation) {
		schema = resolve(schema);
		if (value instanceof ObjectNode o && schema != null && schema.has("properties")) {
			List<String> names = iterable(schema.get("properties").fieldNames());
			if (!names.isEmpty()) {
				String name = random.oneOf(names);
				o.set(name, mutation.apply(resolve(schema.get("properties").get(name))));
				return o;
			}
		}
		return mutation.apply(schema);
	}

	/** A JSON value of another type than the schema says. */
	JsonNode wrongType(JsonNode schema) {
		String type = schema == null ? null : first(types(resolve(schema)));
		JsonNodeFactory f = JsonNodeFactory.instance;
		if ("string".equals(type)) {
			return random.oneOf(f.numberNode(draw(gen.ints().range(-1000, 1000))), f.booleanNode(true), f.objectNode(),
					f.arrayNode());
		}
		if ("integer".equals(type) || "number".equals(type)) {
			return random.oneOf(f.textNode(draw(gen.string().length(1, 10))), f.textNode("1,5"), f.textNode("0x1F"),
					f.numberNode(1.5), f.booleanNode(false), f.arrayNode());
		}
		if ("boolean".equals(type)) {
			return random.oneOf(f.textNode("yes"), f.numberNode(2), f.textNode(""));
		}
		if ("array".equals(type)) {
			return random.oneOf(f.textNode("a,b"), f.objectNode(), f.numberNode(1));
		}
		return random.oneOf(f.textNode(draw(gen.string().length(0, 10))), f.numberNode(7), f.arrayNode());
	}

	String outOfRange(JsonNode schema) {
		Object v = outOfRangeValue(schema);
		return String.valueOf(v);
	}

	Object outOfRangeValue(JsonNode schema) {
		schema = resolve(schema);
		String type = schema == null ? null : first(types(schema));
		String format = schema == null ? "" : schema.path("format").asText();
		if ("integer".equals(type) || "number".equals(type)) {
			if (schema.has("maximum") && random.trueOrFalse()) {
				return schema.get("maximum").asLong() + between(1, 1000);
			}
			if (schema.has("minimum") && random.trueOrFalse()) {
				return schema.get("minimum").asLong() - between(1, 1000);
			}
			return random.oneOf(-1, 0, 2147483648L, -2147483649L, Long.MAX_VALUE, Long.MIN_VALUE,
					new java.math.BigInteger("99999999999999999999999"), 1e308, -1e308, 1.0E-300);
		}
		if ("string".equals(type) && (format.startsWith("date") || format.equals("time"))) {
			return random.oneOf("+999999999-12-31T00:00:00Z", "-999999999-01-01T00:00:00Z", "2026-02-30", "2026-13-01",
					"0000-00-00", "9999-12-31T23:59:59.999999999+18:00", "+999999999-12-31");
		}
		if ("string".equals(type)) {
			int max = schema.path("maxLength").asInt(4000);
			return draw(gen.string().length(max + 1, max + 5000).mixedCase());
		}
		return draw(gen.string().length(5000, 20000));
	}

	String weird() {
		return random.oneOf("' OR 1=1 --", "<script>alert(1)</script>", "\u0000", "\ud83d\ude00\u202e", "%s%n%x",
				"../../etc/passwd", "${7*7}", "#{7*7}", "\r\nX-Injected: 1", "１３８１２３４５６７８", " ", "",
				draw(gen.string().length(1, 30).unicode(Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS)));
	}

	/** A JSON value the schema describes: within its bounds and enums, with realistic values for well-known names. */
	JsonNode valid(JsonNode schema, String name) {
		return valid(schema, name, 0);
	}

	JsonNode valid(JsonNode schema, String name, int depth) {
		JsonNodeFactory f = JsonNodeFactory.instance;
		schema = resolve(schema);
		if (schema == null || schema.isMissingNode() || depth > 6) {
			return f.textNode(draw(gen.string().length(1, 8)));
		}
		if (schema.has("enum") && schema.get("enum").size() > 0) {
			return random.oneOf(iterable(schema.get("enum").elements()));
		}
		for (String any : List.of("oneOf", "anyOf")) {
			if (schema.has(any) && schema.get(any).size() > 0) {
				return valid(random.oneOf(iterable(schema.get(any).elements())), name, depth + 1);
			}
		}
		if (schema.has("allOf") && schema.get("allOf").size() > 0) {
			ObjectNode merged = f.objectNode();
			for (JsonNode s : schema.get("allOf")) {
				JsonNode part = valid(s, name, depth + 1);
				if (part instanceof ObjectNode o) {
					merged.setAll(o);
				}
			}
			return merged;
		}
		String type = first(types(schema));
		if (type == null && schema.has("properties")) {
			type = "object";
		}
		String format = schema.path("format").asText();
		String lower = name.toLowerCase(Locale.ROOT);
		if (type == null) {
			type = "string";
		}
		switch (type) {
			case "integer": {
				long min = schema.has("minimum") ? schema.get("minimum").asLong() : lower.endsWith("id") ? 1 : 0;
				long max = schema.has("maximum") ? schema.get("maximum").asLong()
						: lower.endsWith("id") ? 300 : lower.equals("page") ? 3 : lower.contains("size") || lower.equals("limit") ? 50 : 100;
				return f.numberNode(random.longRange(min, Math.max(min, max)));
			}
			case "number": {
				if (lower.startsWith("lat") || lower.equals("south") || lower.equals("north")) {
					return f.numberNode(random.doubleRange(26.0, 26.15));
				}
				if (lower.startsWith("lon") || lower.startsWith("lng") || lower.equals("west") || lower.equals("east")) {
					return f.numberNode(random.doubleRange(119.2, 119.4));
				}
				double min = schema.path("minimum").asDouble(0);
				double max = schema.path("maximum").asDouble(1000);
				return f.numberNode(random.doubleRange(min, Math.max(min, max)));
			}
			case "boolean":
				return f.booleanNode(random.trueOrFalse());
			case "array": {
				ArrayNode a = f.arrayNode();
				int n = between(0, 3);
				for (int i = 0; i < n; i++) {
					a.add(valid(schema.get("items"), name, depth + 1));
				}
				return a;
			}
			case "object": {
				ObjectNode o = f.objectNode();
				List<String> required = new ArrayList<>();
				schema.path("required").forEach(r -> required.add(r.asText()));
				for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext();) {
					Map.Entry<String, JsonNode> p = it.next();
					if (required.contains(p.getKey()) || random.trueOrFalse(0.8)) {
						o.set(p.getKey(), valid(p.getValue(), p.getKey(), depth + 1));
					}
				}
				if (schema.path("additionalProperties").isObject() && random.trueOrFalse()) {
					o.set(draw(gen.string().length(1, 8).lowerCase()), valid(schema.get("additionalProperties"), name, depth + 1));
				}
				return o;
			}
			default:
				return f.textNode(string(schema, lower, format));
		}
	}

	String string(JsonNode schema, String name, String format) {
		switch (format) {
			case "date-time":
				return Instant.now().minus(Duration.ofHours(between(-24 * 30, 24 * 400))).toString();
			case "date":
				return LocalDate.now(ZoneOffset.UTC).minusDays(between(-30, 400)).toString();
			case "uuid":
				return draw(gen.uuid()).toString();
			default:
		}
		if (name.contains("territory") || name.contains("community") || name.endsWith("code") && !name.contains("category")) {
			return random.oneOf(CODES);
		}
		if (name.contains("category")) {
			return random.oneOf("sanitation", "road", "noise", "unknown-category");
		}
		if (name.equals("month")) {
			return LocalDate.now(ZoneOffset.UTC).minusMonths(between(0, 14)).toString().substring(0, 7);
		}
		if (name.contains("phone")) {
			return "1" + draw(gen.string().digits().length(10));
		}
		int min = schema.path("minLength").asInt(1);
		int max = Math.min(schema.path("maxLength").asInt(40), min + 40);
		return random.trueOrFalse() ? draw(gen.string().length(min, Math.max(min, max)))
				: draw(gen.string().length(Math.max(min, 1), Math.max(min, Math.min(max, 20)))
					.unicode(Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS));
	}
}
