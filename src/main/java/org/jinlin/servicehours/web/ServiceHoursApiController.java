package org.jinlin.servicehours.web;

import java.math.BigDecimal;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.jinlin.servicehours.internal.HoursStatements;
import org.jinlin.servicehours.internal.LedgerCorrections;
import org.jinlin.servicehours.internal.LedgerViews.MyHours;
import org.jinlin.servicehours.internal.LedgerViews.ServiceRecordView;
import org.jinlin.servicehours.internal.LedgerViews.SpendHours;
import org.jinlin.servicehours.internal.LedgerViews.TransferView;
import org.jinlin.servicehours.internal.ServiceFigures;
import org.jinlin.servicehours.internal.TimeBank;
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
@RequiredArgsConstructor
class ServiceHoursApiController {

	record Donation(BigDecimal hours, String idempotencyKey) {
	}

	record Reversal(String reason) {
	}

	private final HoursStatements statements;

	private final TimeBank timeBank;

	private final LedgerCorrections corrections;

	private final ServiceFigures figures;

	/** The signed-in person's balances, time-bank membership, records and movements. */
	@GetMapping("/mine")
	MyHours mine() {
		return statements.mine();
	}

	@PostMapping("/time-bank/join")
	MyHours join() {
		return timeBank.join();
	}

	/** Gives time-bank hours to the community's donation pool. */
	@PostMapping("/time-bank/donations")
	MyHours donate(@RequestBody Donation body) {
		return timeBank.donate(body == null ? null : body.hours(), body == null ? null : body.idempotencyKey());
	}

	/** Staff book time-bank (or, without personKey, donation-pool) hours spent on an elder's care. */
	@PostMapping("/time-bank/spendings")
	TransferView spend(@RequestBody SpendHours body) {
		return timeBank.spend(body == null ? new SpendHours(null, null, null, null, null, null) : body);
	}

	/** The latest transfers of the jurisdiction (or of one node in it). */
	@GetMapping("/transfers")
	List<TransferView> transfers(@RequestParam(required = false) String territory,
			@RequestParam(defaultValue = "100") int limit) {
		return statements.transfers(territory, limit);
	}

	@GetMapping("/transfers/{id}")
	TransferView transfer(@PathVariable long id) {
		return statements.transfer(id);
	}

	/** Corrects a transfer with its exact negation and a reason; the original stays. */
	@PostMapping("/transfers/{id}/reversal")
	TransferView reverse(@PathVariable long id, @RequestBody Reversal body) {
		return corrections.reverse(id, body == null ? null : body.reason());
	}

	/** A person's service records in the caller's jurisdiction. */
	@GetMapping("/people/{personKey}/records")
	List<ServiceRecordView> records(@PathVariable String personKey) {
		return statements.recordsOf(personKey);
	}

	/** Registrations, person-times, hours and problems solved of a node, its children and the last 12 months. */
	@GetMapping("/figures")
	ServiceFigures.Figures figures(@RequestParam(required = false) String territory) {
		return figures.figures(territory);
	}
}
