using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Dossiers.Domain;
using MotCua.Organization.Domain;

namespace MotCua.Dossiers.Tracking;

/// <summary>A row of a tracking answer: the dossier with one event of its timeline (or none).</summary>
internal sealed record TrackingRow(
    string? Code, string ProcedureCode, string ProcedureName, string ApplicantName, string Receiving, string Competent, DossierChannel Channel,
    DateTime? SubmittedAt, DateTime? ReceivedAt, DateTime? DueAt, DateTime? OriginalDueAt, DossierStatus Status, string? StepName, DateTime? FinishedAt,
    DateTime? ReturnedAt, DateTime? At, DossierAction? Action, DossierStatus? ToStatus);

/// <summary>
/// The public tracking lookups of this node, answered in batches: one query runs at a time, and the lookups that arrive
/// meanwhile are all read by the next one (<c>WHERE "Code" = ANY(@codes)</c>). A lone lookup runs at once, alone. A
/// round trip costs the application and PostgreSQL far more (sockets, waking processes, starting the executor) than the
/// few index pages a code reads, so a batch of a dozen codes costs little more than one. On the 2-core benchmark machine
/// (bench/RESULTS.md, 2026-12-04) CPU per lookup fell from 0.23 ms to 0.10 ms and throughput rose from 7,800 to 14,400
/// per second; two queries at a time halved the batches and gave 11,800.
/// </summary>
public sealed class TrackingLookups(IServiceScopeFactory scopes)
{
    /// <summary>Codes read by one query at most.</summary>
    public const int MaxBatch = 64;

    private readonly ConcurrentQueue<Pending> pending = new();
    private int running; // 1 while a batch loop runs

    /// <summary>The timeline rows of the dossier with this code (upper case), in order; none when no dossier has it.</summary>
    internal Task<List<TrackingRow>> FindAsync(string code, CancellationToken ct)
    {
        var lookup = new Pending(code);
        pending.Enqueue(lookup);
        TryStartBatches();
        return lookup.Answer.Task.WaitAsync(ct);
    }

    private void TryStartBatches()
    {
        // A loop that is running takes the queued lookups in its next batch; one that has just stopped re-checks the queue.
        if (!pending.IsEmpty && Interlocked.CompareExchange(ref running, 1, 0) == 0)
        {
            // The loop serves many requests: it must not carry the first one's context (user, request, logging scope).
            using (ExecutionContext.SuppressFlow())
            {
                _ = Task.Run(RunBatchesAsync);
            }
        }
    }

    private async Task RunBatchesAsync()
    {
        try
        {
            var batch = new List<Pending>(MaxBatch);
            while (true)
            {
                batch.Clear();
                while (batch.Count < MaxBatch && pending.TryDequeue(out var lookup))
                {
                    batch.Add(lookup);
                }

                if (batch.Count == 0)
                {
                    return;
                }

                await AnswerAsync(batch);
            }
        }
        finally
        {
            // A full fence (not a plain write): the queue must be read again after the loop shows as stopped, since a
            // lookup queued after this loop found the queue empty, but before it stopped, saw it running and started nothing.
            Interlocked.Exchange(ref running, 0);
            TryStartBatches();
        }
    }

    private async Task AnswerAsync(List<Pending> batch)
    {
        try
        {
            var codes = batch.Select(p => p.Code).Distinct(StringComparer.Ordinal).ToArray();
            var rows = new Dictionary<string, List<TrackingRow>>(codes.Length, StringComparer.Ordinal);
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<DbContext>();
                await foreach (var row in Queries.GetValue(db.Model, _ => Compile())(db, codes))
                {
                    if (!rows.TryGetValue(row.Code!, out var list))
                    {
                        rows[row.Code!] = list = new List<TrackingRow>(8);
                    }

                    list.Add(row);
                }
            }

            foreach (var lookup in batch)
            {
                lookup.Answer.TrySetResult(rows.TryGetValue(lookup.Code, out var list) ? list : []);
            }
        }
        catch (Exception e)
        {
            foreach (var lookup in batch)
            {
                lookup.Answer.TrySetException(e);
            }
        }
    }

    private sealed record Pending(string Code)
    {
        // Completed from the batch loop: the waiting requests continue on their own threads, not inline one after another.
        public TaskCompletionSource<List<TrackingRow>> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>One compiled query per model: EF refuses a compiled query on a second model, and a test process runs the
    /// SQLite and PostgreSQL applications side by side. Compiled, because translating the expression on every call
    /// halved the throughput.</summary>
    private static readonly ConditionalWeakTable<IModel, Func<DbContext, string[], IAsyncEnumerable<TrackingRow>>> Queries = new();

    // On PostgreSQL the codes go as one array parameter (= ANY($1)): one statement for every batch size, prepared
    // once. "Code != null" keeps EF from adding a branch for a null in the array, which made
    // PostgreSQL's generic plan read the drafts (no code) as well. The agencies' names are read by key: a join made
    // PostgreSQL hash the whole agency table for each lookup.
    private static Func<DbContext, string[], IAsyncEnumerable<TrackingRow>> Compile() => EF.CompileAsyncQuery(
        (DbContext db, string[] codes) =>
            from d in db.Set<Dossier>().AsNoTracking()
            where d.Code != null && codes.Contains(d.Code)
            from e in db.Set<DossierEvent>().Where(e => e.DossierId == d.Id && e.Action != DossierAction.SaveDraft).DefaultIfEmpty()
            orderby d.Code, e!.At, e.Id
            select new TrackingRow(
                d.Code, d.ProcedureCode, d.ProcedureName, d.ApplicantName,
                db.Set<Agency>().Where(a => a.Id == d.ReceivingAgencyId).Select(a => a.Name).First(),
                db.Set<Agency>().Where(a => a.Id == d.CompetentAgencyId).Select(a => a.Name).First(), d.Channel,
                d.SubmittedAt, d.ReceivedAt, d.DueAt, d.OriginalDueAt, d.Status, d.StepName, d.FinishedAt, d.ReturnedAt,
                e == null ? null : e.At, e == null ? null : e.Action, e == null ? null : e.ToStatus));
}
