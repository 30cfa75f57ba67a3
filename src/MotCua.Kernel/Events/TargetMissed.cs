namespace MotCua.Kernel.Events;

/// <summary>
/// A month ended below one of an agency's targets (a share of satisfied ratings, of dossiers decided on time, of
/// dossiers submitted online): its leaders are told, with the figure, the target and the page of what lies behind it.
/// </summary>
public sealed record TargetMissed(Guid EvaluationId, Guid AgencyId, string AgencyName, string Metric, DateOnly Month, double Actual, decimal Target, int Count, string Path) : IDomainEvent;
