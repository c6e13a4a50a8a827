package org.jinlin.shared;

/** Implemented by authentication principals that carry an {@link Actor}. */
public interface ActorPrincipal {

	Actor actor();
}
