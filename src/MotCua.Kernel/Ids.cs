namespace MotCua.Kernel;

/// <summary>Keys for every entity: time-ordered Guid version 7, so that indexes stay compact.</summary>
public static class Ids
{
    public static Guid New() => Guid.CreateVersion7();
}
