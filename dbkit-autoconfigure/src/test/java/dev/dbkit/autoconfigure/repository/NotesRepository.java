package dev.dbkit.autoconfigure.repository;

import java.util.List;
import java.util.UUID;

import dev.dbkit.query.GeneratedQuery;
import dev.dbkit.query.QueryExecutor;
import dev.dbkit.tenant.TenantContext;

/** Shaped like a generated repository, over the test migrations' notes table. */
public class NotesRepository {

	static final GeneratedQuery ADD = new GeneratedQuery("AddNote", "test", 1,
			"INSERT INTO notes (tenant_id, body) VALUES (?, ?)", true);

	static final GeneratedQuery LIST = new GeneratedQuery("ListNotes", "test", 2,
			"SELECT body FROM notes WHERE tenant_id = ? ORDER BY body", true);

	private final QueryExecutor executor;

	public NotesRepository(QueryExecutor executor) {
		this.executor = executor;
	}

	public void addNote(String body) {
		UUID tenantId = TenantContext.require();
		this.executor.exec(ADD, (ps) -> {
			ps.setObject(1, tenantId);
			ps.setString(2, body);
		});
	}

	public List<String> listNotes() {
		UUID tenantId = TenantContext.require();
		return this.executor.many(LIST, (ps) -> ps.setObject(1, tenantId), (rs) -> rs.getString(1));
	}

}
