namespace MotCua.Kernel.Events;

/// <summary>The support desk answered a request that asked to be answered in writing: the answer goes to the e-mail address, else by SMS.</summary>
public sealed record SupportAnswered(Guid RequestId, string Code, Guid AgencyId, string Name, string? Email, string? Phone, string Question, string Answer) : IDomainEvent;
