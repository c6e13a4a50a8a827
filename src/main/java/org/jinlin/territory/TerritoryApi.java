package org.jinlin.territory;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Territory", description = "The administrative tree and its official figures")
class TerritoryApi {

	private final Territories territories;

	TerritoryApi(Territories territories) {
		this.territories = territories;
	}

	@GetMapping("/communities")
	@Operation(summary = "Communities and villages the caller may see")
	List<Territories.CommunitySummary> communities() {
		return territories.communities();
	}

	@GetMapping("/territories/{code}")
	@Operation(summary = "One territory node by its code")
	TerritoryNode node(@PathVariable String code) {
		return territories.get(code);
	}

	@GetMapping("/territories/{code}/children")
	@Operation(summary = "The children of a territory node that the caller may see")
	List<TerritoryNode> children(@PathVariable String code) {
		return territories.children(code);
	}
}
