package org.jinlin.meals;

import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.jinlin.meals.internal.MealsRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Unscoped queries for other modules (care circles, figures): is a resident an enrolled diner. */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class Meals {

	private final MealsRepository repository;

	/** The diner id of a resident, if she is enrolled. */
	public Optional<Long> dinerOf(long residentId) {
		return repository.dinerIdOfResident(residentId);
	}
}
