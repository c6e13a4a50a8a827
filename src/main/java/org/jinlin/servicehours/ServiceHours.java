package org.jinlin.servicehours;

import org.springframework.stereotype.Service;

/** Balances and statements of the service ledger. */
@Service
public class ServiceHours {

	/**
	 * A person's balance, for other modules' pages (a member's own page, a certificate). No jurisdiction check: the
	 * caller decides who may see whose balance.
	 */
	public ServiceBalance balanceOf(String personKey) {
		return ServiceBalance.none(personKey); // replaced by the ledger implementation
	}
}
