package org.jinlin.accounts.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;
import org.jinlin.accounts.ApiKeyIssued;
import org.jinlin.accounts.ApiKeyRevoked;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ConflictException;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.web.FieldErrors;
import org.jinlin.territory.TerritoryNode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administration of API keys: administrators list, issue and revoke the keys bound to nodes of their
 * jurisdiction. Every change publishes an event for the audit log.
 */
@Service
@Transactional
@RequiredArgsConstructor
public class ApiKeyAdministration {

	private final ApiKeyRepository apiKeys;

	private final AdministeredNodes nodes;

	private final ApplicationEventPublisher events;

	/** API keys bound to nodes in the administrator's jurisdiction, newest first. */
	@Transactional(readOnly = true)
	public List<ApiKeyView> apiKeys() {
		Actor admin = AccountsAccess.requireAdministrator();
		List<ApiKeyRepository.KeyRow> rows = apiKeys.listUnder(admin.jurisdiction().likePattern());
		Map<Long, TerritoryNode> found = nodes
			.nodes(rows.stream().map(ApiKeyRepository.KeyRow::territoryId).collect(Collectors.toSet()));
		return rows.stream().map(r -> {
			TerritoryNode n = found.get(r.territoryId());
			return new ApiKeyView(r.id(), r.name(), r.prefix(), r.purpose(), n == null ? null : n.code(),
					n == null ? null : n.name(), r.createdBy(), r.createdAt(), r.revokedAt());
		}).toList();
	}

	/** Issues a random API key; the returned plain key is shown once and never stored. */
	public IssuedApiKey issueApiKey(NewApiKey request) {
		Actor admin = AccountsAccess.requireAdministrator();
		List<FieldErrors.FieldError> errors = new ArrayList<>();
		String name = request.name() == null ? "" : request.name().trim();
		if (!AccountAdministration.USERNAME.matcher(name).matches()) {
			errors.add(AdministeredNodes.error("name", "accounts.error.keyName"));
		}
		else if (apiKeys.nameInUse(name)) {
			errors.add(AdministeredNodes.error("name", "accounts.error.keyName.taken"));
		}
		if (request.purpose() == null) {
			errors.add(AdministeredNodes.error("purpose", "accounts.error.purpose"));
		}
		TerritoryNode node = nodes.node(admin, request.territoryCode(), errors);
		nodes.failIfAny(errors);
		IssuedApiKey issued = apiKeys.insert(name, request.purpose(), node.id(), node.path(), admin.name(), null);
		events.publishEvent(new ApiKeyIssued(issued.id(), name, request.purpose().name(), node.code(), node.path(),
				admin.name(), Instant.now()));
		return issued;
	}

	/** Revokes a key of the administrator's jurisdiction; revoking twice is a 409. */
	public void revokeApiKey(long id) {
		Actor admin = AccountsAccess.requireAdministrator();
		ApiKeyRepository.KeyRow row = apiKeys.find(id).filter(k -> admin.covers(k.territoryPath()))
			.orElseThrow(() -> new NotFoundException("No API key " + id));
		if (!apiKeys.revoke(id)) {
			throw new ConflictException(nodes.text("accounts.error.keyRevoked"));
		}
		events.publishEvent(new ApiKeyRevoked(id, row.name(), row.territoryPath(), admin.name(), Instant.now()));
	}
}
