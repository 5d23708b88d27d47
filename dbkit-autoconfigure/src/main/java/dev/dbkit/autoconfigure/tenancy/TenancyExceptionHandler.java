package dev.dbkit.autoconfigure.tenancy;

import java.net.URI;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.dbkit.tenant.CrossTenantCallException;
import dev.dbkit.tenant.TenantMissingException;
import dev.dbkit.tenant.UnknownTenantException;

/**
 * Answers tenancy errors with RFC 9457 problem details: a malformed tenant (400), a tenant-scoped call without a
 * tenant (400 by default, {@code dbkit.tenancy.missing-tenant-status}; the detail says where to name it), and a
 * tenant that does not exist or that the caller may not use (404 alike), whether a {@link TenantValidator} or
 * {@link TenantAccess} said so or a tenant-scoped write hit the tenant's foreign key, and a platform operation called
 * from a tenant's request (403). Never a 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class TenancyExceptionHandler {

	static final URI INVALID = URI.create("urn:dbkit:problem:invalid-tenant");

	static final URI MISSING = URI.create("urn:dbkit:problem:missing-tenant");

	static final URI UNKNOWN = URI.create("urn:dbkit:problem:unknown-tenant");

	static final URI CROSS_TENANT = URI.create("urn:dbkit:problem:cross-tenant-call");

	private static final Logger logger = LoggerFactory.getLogger(TenancyExceptionHandler.class);

	private final String source;

	private final HttpStatusCode missingStatus;

	/**
	 * @param source where a request names its tenant, as the answers say it: {@code the X-Tenant-ID header}, {@code a
	 * tenant_id claim of the token}
	 */
	public TenancyExceptionHandler(String source, int missingStatus) {
		this.source = source;
		this.missingStatus = HttpStatusCode.valueOf(missingStatus);
	}

	@ExceptionHandler(InvalidTenantException.class)
	ResponseEntity<ProblemDetail> invalid(InvalidTenantException ex) {
		return problem(HttpStatus.BAD_REQUEST, INVALID, "Invalid tenant", ex.getMessage());
	}

	@ExceptionHandler(TenantMissingException.class)
	ResponseEntity<ProblemDetail> missing(TenantMissingException ex) {
		return problem(this.missingStatus, MISSING, "Missing tenant",
				"This request works on tenant data and names no tenant: send the tenant's id in " + this.source + ".");
	}

	@ExceptionHandler(UnknownTenantException.class)
	ResponseEntity<ProblemDetail> unknown(UnknownTenantException ex) {
		// the same answer whether the tenant does not exist or the caller may not use it
		return problem(HttpStatus.NOT_FOUND, UNKNOWN, "Unknown tenant", "Tenant " + ex.getTenantId()
				+ " does not exist or is not available to the caller.");
	}

	/**
	 * A platform ({@code -- dbkit:cross-tenant}) operation reached from a tenant's request: refused before any SQL
	 * ({@code CrossTenantCallException}). The caller is told no more than that; the log says which query.
	 */
	@ExceptionHandler(CrossTenantCallException.class)
	ResponseEntity<ProblemDetail> crossTenant(CrossTenantCallException ex) {
		logger.warn("Refused a cross-tenant call in a tenant's request: {}", ex.getMessage());
		return problem(HttpStatus.FORBIDDEN, CROSS_TENANT, "Cross-tenant operation", "This operation spans every "
				+ "tenant and cannot run for a tenant's request.");
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatusCode status, URI type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		problem.setTitle(title);
		return ResponseEntity.status(status).body(problem);
	}

}
