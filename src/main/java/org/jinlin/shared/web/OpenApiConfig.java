package org.jinlin.shared.web;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description served at {@code /v3/api-docs}: the JSON API under {@code /api/v1}. Every operation also
 * documents the problem+json errors it can answer (the shared {@link ApiExceptionHandler} and {@link ErrorResponses}
 * write them): 400, 401, 403, 404 and 429 anywhere; 409 where it changes data; 413 and 415 where it takes a body.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

	static final String PROBLEM = "Problem";

	@Bean
	OpenAPI jinlinOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Jinlin (近邻) API")
				.version("v1")
				.description("Neighbourhood services and community governance. Every call is limited to the "
						+ "caller's jurisdiction; errors are RFC 9457 application/problem+json.")
				.license(new License().name("Apache-2.0")))
			.components(new Components()
				.addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
				.addSecuritySchemes("apiKey", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
					.in(SecurityScheme.In.HEADER)
					.name("X-Api-Key")))
			.addSecurityItem(new SecurityRequirement().addList("basic"))
			.addSecurityItem(new SecurityRequirement().addList("apiKey"));
	}

	/** Adds the error answers every operation can give, so the description tells the truth about them. */
	@Bean
	OpenApiCustomizer problemResponses() {
		return openApi -> {
			if (openApi.getComponents() == null) {
				openApi.setComponents(new Components());
			}
			openApi.getComponents().addSchemas(PROBLEM, problemSchema());
			if (openApi.getPaths() == null) {
				return;
			}
			for (PathItem item : openApi.getPaths().values()) {
				for (Map.Entry<PathItem.HttpMethod, Operation> e : item.readOperationsMap().entrySet()) {
					document(e.getKey(), e.getValue());
				}
			}
		};
	}

	static void document(PathItem.HttpMethod method, Operation operation) {
		if (operation.getResponses() == null) {
			operation.setResponses(new ApiResponses());
		}
		// an error answer an operation declares itself is problem+json too (springdoc gives it the operation's type)
		operation.getResponses().forEach((code, response) -> {
			if (code.startsWith("4")) {
				add(operation, Integer.parseInt(code), response.getDescription());
			}
		});
		add(operation, 400, "The request is malformed or its values are invalid (field errors in errors)");
		add(operation, 401, "No valid credentials were sent");
		add(operation, 403, "The account may not do this");
		add(operation, 404, "No such resource in the caller's jurisdiction");
		add(operation, 429, "Too many requests or sign-in failures: try again later");
		if (method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD) {
			add(operation, 409, "The record changed meanwhile, or is not in a state that allows this");
		}
		if (operation.getRequestBody() != null) {
			add(operation, 413, "The request body is too large");
			add(operation, 415, "The request body is not of a supported media type");
		}
	}

	private static void add(Operation operation, int status, String description) {
		String code = String.valueOf(status);
		if (operation.getResponses().containsKey(code)) {
			ApiResponse existing = operation.getResponses().get(code);
			// springdoc documents a declared error answer with the operation's own type: it is problem+json
			if (existing.getContent() == null
					|| !existing.getContent().containsKey(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE)) {
				existing.setContent(problemContent());
			}
			return;
		}
		operation.getResponses().addApiResponse(code, new ApiResponse().description(description).content(problemContent()));
	}

	private static Content problemContent() {
		return new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
				new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
	}

	@SuppressWarnings("rawtypes")
	private static Schema problemSchema() {
		Schema<?> errors = new io.swagger.v3.oas.models.media.ArraySchema().items(new ObjectSchema()
			.addProperty("field", new StringSchema())
			.addProperty("message", new StringSchema()));
		return new ObjectSchema().description("RFC 9457 problem details")
			.addProperty("type", new StringSchema())
			.addProperty("title", new StringSchema())
			.addProperty("status", new IntegerSchema())
			.addProperty("detail", new StringSchema())
			.addProperty("instance", new StringSchema())
			.addProperty("errors", errors)
			.required(List.of("title", "status"));
	}
}
