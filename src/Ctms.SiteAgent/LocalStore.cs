using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Ctms.SiteAgent;

/// <summary>
/// The agent's SQLite file: outgoing messages (enqueued with their message id and per-subject sequence fixed once, so a
/// resend after a crash is the same message), answers and central updates received, and imported CSV files.
/// </summary>
internal sealed class LocalStore : IDisposable
{
    private readonly SqliteConnection _connection;

    public LocalStore(string path)
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, DefaultTimeout = 30 }.ToString());
        _connection.Open();
        Execute("""
            PRAGMA journal_mode=WAL;
            PRAGMA synchronous=FULL;
            CREATE TABLE IF NOT EXISTS outgoing(
              id INTEGER PRIMARY KEY AUTOINCREMENT, message_id TEXT NOT NULL UNIQUE, type TEXT NOT NULL,
              subject_number TEXT, sequence INTEGER, json TEXT NOT NULL, enqueued_at TEXT NOT NULL,
              status TEXT NOT NULL DEFAULT 'pending', forwarded_at TEXT, answered_at TEXT, reasons TEXT, issued_subject_number TEXT);
            CREATE INDEX IF NOT EXISTS outgoing_status ON outgoing(status, id);
            CREATE TABLE IF NOT EXISTS incoming(
              message_id TEXT PRIMARY KEY, type TEXT NOT NULL, subject_number TEXT, json TEXT NOT NULL, received_at TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS imports(sha256 TEXT PRIMARY KEY, file_name TEXT NOT NULL, rows INTEGER NOT NULL, imported_at TEXT NOT NULL);
            """);
    }

    public sealed record Outgoing(long Id, Guid MessageId, string Type, string Json);

    public sealed record Pending(string Type, string? SubjectNumber, object Body);

    /// <summary>Enqueues messages in one transaction; the per-subject sequence continues from the highest one stored.</summary>
    public IReadOnlyList<Guid> Enqueue(string siteCode, string enteredBy, IEnumerable<Pending> messages, string? importSha = null, string? importName = null)
    {
        using var transaction = _connection.BeginTransaction();
        var ids = new List<Guid>();
        if (importSha is not null)
        {
            using var seen = Command("SELECT COUNT(*) FROM imports WHERE sha256 = $sha", transaction, ("$sha", importSha));
            if (Convert.ToInt64(seen.ExecuteScalar(), CultureInfo.InvariantCulture) > 0)
            {
                return ids; // imported before: a crash between commit and moving the file must not import it twice
            }
        }

        foreach (var message in messages)
        {
            int? sequence = null;
            if (message.SubjectNumber is not null)
            {
                using var next = Command("SELECT COALESCE(MAX(sequence), 0) + 1 FROM outgoing WHERE subject_number = $s", transaction, ("$s", message.SubjectNumber));
                sequence = Convert.ToInt32(next.ExecuteScalar(), CultureInfo.InvariantCulture);
            }

            var id = Guid.NewGuid();
            var envelope = new Dictionary<string, object?>
            {
                ["messageId"] = id,
                ["type"] = message.Type,
                ["schemaVersion"] = 1,
                ["siteCode"] = siteCode,
                ["sentAt"] = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                ["enteredBy"] = enteredBy,
                ["body"] = message.Body,
            };
            if (message.SubjectNumber is not null)
            {
                envelope["subjectNumber"] = message.SubjectNumber;
                envelope["sequence"] = sequence;
            }

            using var insert = Command("""
                INSERT INTO outgoing(message_id, type, subject_number, sequence, json, enqueued_at)
                VALUES ($id, $type, $subject, $sequence, $json, $at)
                """, transaction, ("$id", id.ToString()), ("$type", message.Type), ("$subject", message.SubjectNumber), ("$sequence", sequence),
                ("$json", JsonSerializer.Serialize(envelope)), ("$at", Now()));
            insert.ExecuteNonQuery();
            ids.Add(id);
        }

        if (importSha is not null)
        {
            using var record = Command("INSERT INTO imports(sha256, file_name, rows, imported_at) VALUES ($sha, $name, $rows, $at)", transaction,
                ("$sha", importSha), ("$name", importName), ("$rows", ids.Count), ("$at", Now()));
            record.ExecuteNonQuery();
        }

        transaction.Commit();
        return ids;
    }

    public IReadOnlyList<Outgoing> NextToForward(int max)
    {
        using var command = Command("SELECT id, message_id, type, json FROM outgoing WHERE status = 'pending' ORDER BY id LIMIT $max", null, ("$max", max));
        using var reader = command.ExecuteReader();
        var rows = new List<Outgoing>();
        while (reader.Read())
        {
            rows.Add(new Outgoing(reader.GetInt64(0), Guid.Parse(reader.GetString(1)), reader.GetString(2), reader.GetString(3)));
        }

        return rows;
    }

    public void MarkForwarded(IEnumerable<long> ids)
    {
        using var transaction = _connection.BeginTransaction();
        foreach (var id in ids)
        {
            // An answer may already have arrived: only a pending row becomes forwarded.
            using var command = Command("UPDATE outgoing SET status = 'forwarded', forwarded_at = $at WHERE id = $id AND status = 'pending'", transaction,
                ("$id", id), ("$at", Now()));
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>Stores a central message once (by its id) and applies an answer to the outgoing message it answers.</summary>
    public void Receive(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var messageId = root.GetProperty("messageId").GetString()!;
        var type = root.GetProperty("type").GetString()!;
        var subject = root.TryGetProperty("subjectNumber", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
        using var transaction = _connection.BeginTransaction();
        using (var insert = Command("INSERT OR IGNORE INTO incoming(message_id, type, subject_number, json, received_at) VALUES ($id, $type, $s, $json, $at)",
                   transaction, ("$id", messageId), ("$type", type), ("$s", subject), ("$json", json), ("$at", Now())))
        {
            insert.ExecuteNonQuery();
        }

        var body = root.GetProperty("body");
        if (type is "MessageAccepted" or "MessageRejected" or "EnrollmentDecided" &&
            body.TryGetProperty("messageId", out var answered) && answered.ValueKind == JsonValueKind.String)
        {
            var accepted = type == "MessageAccepted" || (type == "EnrollmentDecided" && body.GetProperty("enrolled").GetBoolean());
            var reasons = body.TryGetProperty("reasons", out var r) && r.ValueKind == JsonValueKind.Array && r.GetArrayLength() > 0 ? r.GetRawText() : null;
            var issued = type == "MessageAccepted" && body.TryGetProperty("subjectNumber", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
            using var update = Command("""
                UPDATE outgoing SET status = $status, answered_at = $at, reasons = $reasons, issued_subject_number = COALESCE($issued, issued_subject_number)
                WHERE message_id = $id
                """, transaction, ("$status", accepted ? "accepted" : "rejected"), ("$at", Now()), ("$reasons", reasons), ("$issued", issued),
                ("$id", answered.GetString()));
            update.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    public IReadOnlyDictionary<string, long> CountByStatus()
    {
        using var command = Command("SELECT status, COUNT(*) FROM outgoing GROUP BY status", null);
        using var reader = command.ExecuteReader();
        var counts = new Dictionary<string, long>();
        while (reader.Read())
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        return counts;
    }

    public IReadOnlyList<(string Type, string? Subject, int? Sequence, string Reasons)> Rejected(int max)
    {
        using var command = Command("SELECT type, subject_number, sequence, COALESCE(reasons, '') FROM outgoing WHERE status = 'rejected' ORDER BY id DESC LIMIT $max",
            null, ("$max", max));
        using var reader = command.ExecuteReader();
        var rows = new List<(string, string?, int?, string)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetInt32(2), reader.GetString(3)));
        }

        return rows;
    }

    /// <summary>The latest central message of each type per subject (or site-wide when no subject): the current state.</summary>
    public IReadOnlyList<(string Type, string? Subject, string Json)> LatestUpdates()
    {
        using var command = Command("""
            SELECT type, subject_number, json FROM incoming i
            WHERE type NOT IN ('MessageAccepted', 'MessageRejected', 'ConsentVersionApproved')
              AND received_at = (SELECT MAX(received_at) FROM incoming j WHERE j.type = i.type AND COALESCE(j.subject_number, '') = COALESCE(i.subject_number, ''))
            ORDER BY subject_number, type
            """, null);
        using var reader = command.ExecuteReader();
        var rows = new List<(string, string?, string)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2)));
        }

        return rows;
    }

    /// <summary>Every central message of a type, oldest first (consent approvals accumulate; each is a version usable at the site).</summary>
    public IReadOnlyList<string> AllOfType(string type)
    {
        using var command = Command("SELECT json FROM incoming WHERE type = $type ORDER BY received_at", null, ("$type", type));
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    public void Dispose() => _connection.Dispose();

    private void Execute(string sql)
    {
        using var command = Command(sql, null);
        command.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql, SqliteTransaction? transaction, params (string Name, object? Value)[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private static string Now() => DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
