package db.migration;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import fr.sudia.funding.call.AuditChain;
import fr.sudia.platform.privacy.Pseudonyms;

/**
 * Chains the audit entries written before V40: per call, in the order of their ids, as {@link AuditChain} chains the
 * new ones. In Java because the actor digest is an HMAC with the configured key ({@link Pseudonyms}).
 */
public class V41__call_audit_chain_backfill extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        var connection = context.getConnection();
        try (Statement select = connection.createStatement();
                PreparedStatement update = connection.prepareStatement(
                        "update call_audit set actor_digest = ?, entry_hash = ? where id = ?");
                ResultSet rows = select.executeQuery("""
                        select id, call_id, entity, entity_id, action, actor, at, details from call_audit
                         order by call_id, id""")) {
            UUID call = null;
            String previous = null;
            while (rows.next()) {
                UUID callId = rows.getObject("call_id", UUID.class);
                if (!callId.equals(call)) {
                    call = callId;
                    previous = null;
                }
                String actorDigest = Pseudonyms.digest(rows.getString("actor"));
                String hash = AuditChain.hash(previous, new AuditChain.Content(callId, rows.getString("entity"),
                        rows.getObject("entity_id", UUID.class), rows.getString("action"),
                        rows.getObject("at", OffsetDateTime.class), actorDigest, rows.getString("details")));
                update.setString(1, actorDigest);
                update.setString(2, hash);
                update.setLong(3, rows.getLong("id"));
                update.addBatch();
                previous = hash;
            }
            update.executeBatch();
        }
        try (Statement alter = connection.createStatement()) {
            alter.execute("alter table call_audit alter column actor_digest set not null, alter column entry_hash set not null");
        }
    }
}
