package org.jinlin.memberservice.internal;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.jinlin.memberservice.internal.MemberViews.Need;
import org.jinlin.memberservice.internal.MemberViews.NeedRequest;
import org.jinlin.memberservice.internal.MemberViews.Post;
import org.jinlin.memberservice.internal.MemberViews.PostRequest;
import org.jinlin.memberservice.internal.MemberViews.Signup;
import org.jinlin.memberservice.internal.RegistrationRepository.StoredRegistration;
import org.jinlin.memberservice.ServiceCategory;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ConflictException;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.Role;
import org.jinlin.shared.web.ValidationFailedException;
import org.jinlin.territory.TerritoryNode;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A community's needs list (需求清单) and service posts (服务岗位): community staff publish them; members of the
 * community and staff for a registered unit sign up for a post until its headcount is full.
 */
@Service
@Transactional
@RequiredArgsConstructor
public class ServicePosts {

	private final PostRepository posts;

	private final RegistrationRepository registrations;

	private final MemberCommunities communities;

	public Need createNeed(NeedRequest r) {
		Actor actor = MemberAccess.requireCommunityStaff(CurrentActor.require());
		if (r == null) {
			r = new NeedRequest(null, null, null, null);
		}
		MemberValidation v = new MemberValidation();
		TerritoryNode community = communities.coveredCommunity(actor, r.communityCode(), v);
		String title = v.text(r.title(), "title", 100, true);
		String description = v.text(r.description(), "description", 1000, false);
		ServiceCategory category = v.category(r.category());
		v.failIfAny();
		long id = posts.insertNeed(community.id(), community.path(), title, description, category.name(), "OPEN",
				OffsetDateTime.now(), actor.name());
		return needs(null).stream().filter(n -> n.id() == id).findFirst().orElseThrow();
	}

	/** Staff: needs in the jurisdiction; others: needs of their own and registered communities. */
	@Transactional(readOnly = true)
	public List<Need> needs(String territoryCode) {
		Actor actor = CurrentActor.require();
		List<Need> list = new ArrayList<>();
		for (String prefix : communities.readablePrefixes(actor, territoryCode)) {
			list.addAll(posts.needsUnder(prefix));
		}
		Map<Long, TerritoryNode> c = communities.nodes(list.stream().map(Need::communityId).toList());
		return list.stream().map(n -> new Need(n.id(), n.communityId(), MemberCommunities.name(c, n.communityId()),
				n.title(), n.description(), n.category(), n.status(), n.createdAt())).toList();
	}

	public Post createPost(PostRequest r) {
		Actor actor = MemberAccess.requireCommunityStaff(CurrentActor.require());
		if (r == null) {
			r = new PostRequest(null, null, null, null, null, null, null);
		}
		MemberValidation v = new MemberValidation();
		TerritoryNode community = communities.coveredCommunity(actor, r.communityCode(), v);
		String title = v.text(r.title(), "title", 100, true);
		String description = v.text(r.description(), "description", 1000, false);
		ServiceCategory category = v.category(r.category());
		if (r.serviceDate() == null) {
			v.add("serviceDate", "Give the date of service");
		}
		BigDecimal hours = v.hours(r.hours());
		v.headcount(r.headcount(), 1000);
		v.failIfAny();
		long id = posts.insertPost(community.id(), community.path(), title, description, category.name(),
				r.serviceDate(), hours, r.headcount(), 0, "OPEN", OffsetDateTime.now(), actor.name());
		return named(List.of(posts.post(id))).get(0);
	}

	@Transactional(readOnly = true)
	public List<Post> posts(String territoryCode) {
		Actor actor = CurrentActor.require();
		Set<Long> mine = actor.has(Role.PARTY_MEMBER) ? posts.signedUpPostIds(actor.name()) : Set.of();
		List<Post> list = new ArrayList<>();
		for (String prefix : communities.readablePrefixes(actor, territoryCode)) {
			list.addAll(posts.postsUnder(prefix, mine));
		}
		return named(list);
	}

	private List<Post> named(List<Post> list) {
		Map<Long, TerritoryNode> c = communities.nodes(list.stream().map(Post::communityId).toList());
		return list.stream().map(p -> new Post(p.id(), p.communityId(), MemberCommunities.name(c, p.communityId()),
				p.title(), p.description(), p.category(), p.serviceDate(), p.hours(), p.headcount(), p.taken(), p.status(),
				p.signedUp())).toList();
	}

	/**
	 * Signs up for a post until its headcount is full: a member for herself (registered with the post's community),
	 * staff for a registered unit. The seat is taken with one conditional update, so concurrent sign-ups never
	 * exceed the headcount; a full post is a 409.
	 */
	public Signup signUp(long postId, Long registrationId) {
		Actor actor = CurrentActor.require();
		if (!actor.has(Role.PARTY_MEMBER) && !actor.isStaff()) {
			throw new ForbiddenException("Registered members sign up for posts");
		}
		PostRepository.PostHeader post = posts.header(postId).orElseThrow(() -> new NotFoundException("No post " + postId));
		StoredRegistration reg;
		if (actor.has(Role.PARTY_MEMBER) && registrationId == null) {
			reg = registrations.findActive(actor.name(), post.communityId()).orElse(null);
			if (reg == null) {
				if (communities.registeredCommunityIds(actor).isEmpty()) {
					throw new ForbiddenException("Register with the post's community first");
				}
				throw new NotFoundException("No post " + postId);
			}
		}
		else if (actor.isStaff()) {
			MemberAccess.requireCovers(actor, post.territoryPath());
			if (registrationId == null) {
				throw ValidationFailedException.field("registrationId", "Choose the registered unit or member");
			}
			reg = registrations.find(registrationId).filter(r -> r.active() && r.communityId() == post.communityId())
				.orElseThrow(() -> ValidationFailedException.field("registrationId",
						"Not an active registration with this community"));
		}
		else {
			throw new ForbiddenException("Members sign up for themselves");
		}
		if (!"OPEN".equals(post.status())) {
			throw new ConflictException("This post is closed");
		}
		if (posts.signedUp(postId, reg.id())) {
			throw new ConflictException("Already signed up for this post");
		}
		if (!posts.takeSeat(postId)) {
			throw new ConflictException("This post is full: every place has been taken");
		}
		try {
			posts.insertSignup(postId, reg.id(), OffsetDateTime.now());
		}
		catch (DuplicateKeyException e) {
			throw new ConflictException("Already signed up for this post");
		}
		return signups(List.of(reg.id())).stream().filter(s -> s.postId() == postId).findFirst().orElseThrow();
	}

	@Transactional(readOnly = true)
	public List<Signup> signups(List<Long> registrationIds) {
		if (registrationIds.isEmpty()) {
			return List.of();
		}
		List<Signup> list = posts.signups(registrationIds);
		Map<Long, TerritoryNode> c = communities.nodes(list.stream().map(s -> Long.valueOf(s.communityName())).toList());
		return list.stream().map(s -> new Signup(s.id(), s.postId(), s.registrationId(), s.postTitle(), s.serviceDate(),
				s.hours(), MemberCommunities.name(c, Long.valueOf(s.communityName())), s.signedAt())).toList();
	}
}
