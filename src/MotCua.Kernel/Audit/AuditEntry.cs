namespace MotCua.Kernel.Audit;

/// <summary>
/// One state change: who, what, when, before and after. Append-only; each entry carries the hash of the
/// previous one, so that editing or deleting an entry breaks the chain and <see cref="AuditChain.VerifyAsync"/> says where.
/// </summary>
[NotAudited]
public sealed class AuditEntry
{
    public Guid Id { get; init; } = Ids.New();

    /// <summary>The chain the entry belongs to (1 to <see cref="AuditChain.Chains"/>).</summary>
    public int Chain { get; set; } = 1;

    /// <summary>Position in its chain, from 1, without gaps.</summary>
    public long Sequence { get; set; }

    public DateTime At { get; init; }

    public Guid? ActorId { get; init; }

    public string ActorName { get; init; } = "";

    /// <summary>Created, Updated, Deleted, or a named action such as SignedIn.</summary>
    public string Action { get; init; } = "";

    public string EntityType { get; init; } = "";

    public string EntityId { get; init; } = "";

    /// <summary>JSON of the changed properties before the change (null when created).</summary>
    public string? Before { get; init; }

    /// <summary>JSON of the changed properties after the change (null when deleted).</summary>
    public string? After { get; init; }

    public string PreviousHash { get; set; } = "";

    public string Hash { get; set; } = "";
}

/// <summary>The row that holds a chain's tail (one per chain), so that removing the newest entries is detected too.</summary>
[NotAudited]
public sealed class AuditChainHead
{
    /// <summary>The chain's number.</summary>
    public int Id { get; init; } = 1;

    public long Sequence { get; set; }

    public string Hash { get; set; } = AuditChain.GenesisHash;
}
