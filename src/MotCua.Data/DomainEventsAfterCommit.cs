using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MotCua.Data;

/// <summary>Dispatches the domain events saved inside a caller's transaction once that transaction commits.</summary>
internal sealed class DomainEventsAfterCommit : DbTransactionInterceptor
{
    public override async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is MotCuaDbContext context)
        {
            await context.DispatchPendingEventsAsync(cancellationToken);
        }
    }

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData.Context as MotCuaDbContext)?.DiscardPendingEvents();
        return Task.CompletedTask;
    }
}
