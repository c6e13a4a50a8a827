package org.jinlin.servicehours.internal;

/** Why value moved. */
public enum TransferKind {
	/** Hours (or points) credited for confirmed service. */
	SERVICE,
	/** Elderly-care hours deposited into the server's time bank. */
	TIME_BANK_DEPOSIT,
	/** Time-bank hours spent on care for the holder, a spouse or a parent aged 60 or more. */
	TIME_BANK_SPEND,
	/** Time-bank hours given to the community's donation pool. */
	DONATION,
	/** Donated hours spent on care for an elder. */
	POOL_SPEND,
	/** A correction: the exact negation of an earlier transfer, with a reason. */
	REVERSAL
}
