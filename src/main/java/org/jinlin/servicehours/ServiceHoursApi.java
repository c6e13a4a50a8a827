package org.jinlin.servicehours;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The service ledger over JSON: my hours and time bank, the ledger of a jurisdiction, corrections and figures. */
@RestController
@RequestMapping("/api/v1/service-hours")
class ServiceHoursApi {

	record Donation(BigDecimal hours, String idempotencyKey) {
	}

	record Reversal(String reason) {
	}

	private final ServiceHours hours;

	private final ServiceFigures figures;

	ServiceHoursApi(ServiceHours hours, ServiceFigures figures) {
		this.hours = hours;
		this.figures = figures;
	}

	/** The signed-in person's balances, time-bank membership, records and movements. */
	@GetMapping("/mine")
	ServiceHours.MyHours mine() {
		return hours.mine();
	}

	@PostMapping("/time-bank/join")
	ServiceHours.MyHours join() {
		return hours.joinTimeBank();
	}

	/** Gives time-bank hours to the community's donation pool. */
	@PostMapping("/time-bank/donations")
	ServiceHours.MyHours donate(@RequestBody Donation body) {
		return hours.donate(body == null ? null : body.hours(), body == null ? null : body.idempotencyKey());
	}

	/** Staff book time-bank (or, without personKey, donation-pool) hours spent on an elder's care. */
	@PostMapping("/time-bank/spendings")
	ServiceHours.TransferView spend(@RequestBody ServiceHours.SpendHours body) {
		return hours.spend(body == null ? new ServiceHours.SpendHours(null, null, null, null, null, null) : body);
	}

	/** The latest transfers of the jurisdiction (or of one node in it). */
	@GetMapping("/transfers")
	List<ServiceHours.TransferView> transfers(@RequestParam(required = false) String territory,
			@RequestParam(defaultValue = "100") int limit) {
		return hours.transfers(territory, limit);
	}

	@GetMapping("/transfers/{id}")
	ServiceHours.TransferView transfer(@PathVariable long id) {
		return hours.transfer(id);
	}

	/** Corrects a transfer with its exact negation and a reason; the original stays. */
	@PostMapping("/transfers/{id}/reversal")
	ServiceHours.TransferView reverse(@PathVariable long id, @RequestBody Reversal body) {
		return hours.reverse(id, body == null ? null : body.reason());
	}

	/** A person's service records in the caller's jurisdiction. */
	@GetMapping("/people/{personKey}/records")
	List<ServiceHours.ServiceRecordView> records(@PathVariable String personKey) {
		return hours.recordsOf(personKey);
	}

	/** Registrations, person-times, hours and problems solved of a node, its children and the last 12 months. */
	@GetMapping("/figures")
	ServiceFigures.Figures figures(@RequestParam(required = false) String territory) {
		return figures.figures(territory);
	}
}
