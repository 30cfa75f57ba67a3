namespace MotCua.Queueing.Domain;

public enum TicketStatus
{
    /// <summary>In its service's queue (also after a transfer).</summary>
    Waiting = 0,

    /// <summary>Called to a counter, being served.</summary>
    Called = 1,

    /// <summary>Served.</summary>
    Done = 2,

    /// <summary>Called and did not come within the set time.</summary>
    NoShow = 3,
}

/// <summary>Priority the law gives within a service's queue (Law on the Elderly, on Persons with Disabilities, …).</summary>
public enum TicketPriority
{
    None = 0,
    Elderly = 1,
    Disabled = 2,
    Pregnant = 3,
    SmallChild = 4,
}

public enum TicketChannel
{
    /// <summary>Taken at the centre's kiosk.</summary>
    Kiosk = 0,

    /// <summary>Taken on the citizen's phone from the centre's QR on the wall.</summary>
    Virtual = 1,

    /// <summary>Given for a booked appointment at arrival.</summary>
    Booking = 2,

    /// <summary>Given by an officer (a transfer, a citizen without a ticket).</summary>
    Counter = 3,
}

/// <summary>What an officer may do with the ticket at their counter.</summary>
public enum TicketCommand
{
    Recall,
    NoShow,
    Transfer,
    Finish,
}

public static class TicketLabels
{
    public static IReadOnlyList<(TicketPriority Priority, string Name)> Priorities { get; } =
    [
        (TicketPriority.Elderly, "Người cao tuổi"),
        (TicketPriority.Disabled, "Người khuyết tật"),
        (TicketPriority.Pregnant, "Phụ nữ mang thai"),
        (TicketPriority.SmallChild, "Người đang nuôi con nhỏ"),
    ];

    public static string Priority(TicketPriority priority) =>
        Priorities.FirstOrDefault(p => p.Priority == priority).Name ?? "Không";

    public static string Status(TicketStatus status) => status switch
    {
        TicketStatus.Waiting => "Đang chờ",
        TicketStatus.Called => "Đã gọi",
        TicketStatus.Done => "Đã phục vụ",
        TicketStatus.NoShow => "Vắng mặt",
        _ => status.ToString(),
    };

    public static string Command(TicketCommand command) => command switch
    {
        TicketCommand.Recall => "Gọi lại",
        TicketCommand.NoShow => "Vắng mặt",
        TicketCommand.Transfer => "Chuyển",
        TicketCommand.Finish => "Xong",
        _ => command.ToString(),
    };
}
