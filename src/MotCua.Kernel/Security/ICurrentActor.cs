namespace MotCua.Kernel.Security;

/// <summary>Who is acting in this request or job, for audit entries.</summary>
public interface ICurrentActor
{
    Guid? UserId { get; }

    string Name { get; }
}

public sealed class SystemActor : ICurrentActor
{
    public static SystemActor Instance { get; } = new();

    public Guid? UserId => null;

    public string Name => "system";
}
