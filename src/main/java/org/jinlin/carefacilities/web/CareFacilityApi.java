package org.jinlin.carefacilities.web;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletResponse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import lombok.RequiredArgsConstructor;
import org.jinlin.carefacilities.CareFacility;
import org.jinlin.carefacilities.FacilityKind;
import org.jinlin.carefacilities.FacilityStatus;
import org.jinlin.carefacilities.internal.CareFacilityDraft;
import org.jinlin.carefacilities.internal.CareFacilityFigures;
import org.jinlin.carefacilities.internal.CareFacilityQueries;
import org.jinlin.carefacilities.internal.CareFacilityQuery;
import org.jinlin.carefacilities.internal.CareFacilityRegistry;
import org.jinlin.carefacilities.internal.FacilityStatistics;
import org.jinlin.shared.Paged;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of the care-facility registry and the elderly-care statistics; the rules live in the services. */
@RestController
@RequestMapping("/api/v1/eldercare")
@Tag(name = "Care facilities", description = "The elderly-care facility network and its statistics")
@RequiredArgsConstructor
class CareFacilityApi {

	private final CareFacilityRegistry registry;

	private final CareFacilityQueries queries;

	private final CareFacilityFigures figures;

	private final CareFacilityExport export;

	@GetMapping("/statistics")
	@Operation(summary = "Elderly-care facility statistics of a territory inside the caller's jurisdiction",
			description = """
					Counts only OPERATING facilities whose node lies in the territory's subtree. beds is the sum of the total \
					beds of all of them (institutions and others); familyCareBeds and inclusiveBeds are sums too. \
					elderlyPopulation is the territory node's official elderly population (territory statistics); \
					bedsPerThousandElderly = beds * 1000 / elderlyPopulation, rounded half up to one decimal (null without \
					a population figure). serviceCoverageRate is a NUMBER FROM 0 TO 1 (four decimals, 1.0 = 100%): the share \
					of the territory's community-level nodes (communities and villages) served by at least one operating \
					service station, day-care centre or rural happiness home (communitiesServed / communities). \
					404 for an unknown code or a territory outside the caller's jurisdiction; 400 without the parameter.""")
	FacilityStatistics statistics(@Parameter(description = "Territory code, e.g. 350100") @RequestParam String territory) {
		return figures.statistics(territory);
	}

	@GetMapping("/facilities")
	@Operation(summary = "Facilities in the caller's jurisdiction (or in a territory inside it), by node, kind and name")
	Paged<CareFacility> search(@RequestParam(required = false) FacilityKind kind, @RequestParam(required = false) String territory,
			@RequestParam(required = false) String q, @RequestParam(required = false) FacilityStatus status,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return queries.search(new CareFacilityQuery(kind, territory, q, status, page, size));
	}

	@GetMapping("/facilities/export.xlsx")
	@Operation(summary = "The same list as Excel (all pages)")
	void exportXlsx(@RequestParam(required = false) FacilityKind kind, @RequestParam(required = false) String territory,
			@RequestParam(required = false) String q, @RequestParam(required = false) FacilityStatus status,
			HttpServletResponse response) throws IOException {
		export.download(new CareFacilityQuery(kind, territory, q, status, 0, 1), response);
	}

	@GetMapping("/facilities/{id}")
	@Operation(summary = "One facility")
	CareFacility get(@PathVariable long id) {
		return queries.find(id);
	}

	@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
	@PostMapping("/facilities")
	@Operation(summary = "Register a facility (community workers in their community; officials and administrators in their subtree)",
			description = "400 with field errors when invalid; nothing is written.")
	ResponseEntity<CareFacility> register(@RequestBody CareFacilityDraft draft) {
		CareFacility f = registry.register(draft);
		return ResponseEntity.created(URI.create("/api/v1/eldercare/facilities/" + f.id())).body(f);
	}

	@PutMapping("/facilities/{id}")
	@Operation(summary = "Replace a facility's details; send the version you read (409 if someone changed it since)")
	CareFacility update(@PathVariable long id, @RequestBody CareFacilityDraft draft) {
		return registry.update(id, draft);
	}

	@DeleteMapping("/facilities/{id}")
	@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a facility registered by mistake (a facility that stops is set CLOSED instead)")
	ResponseEntity<Void> delete(@PathVariable long id) {
		registry.delete(id);
		return ResponseEntity.noContent().build();
	}
}
