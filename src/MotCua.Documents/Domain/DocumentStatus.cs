
namespace MotCua.Documents.Domain;

public enum DocumentStatus
{
    /// <summary>An incoming document entered in the register.</summary>
    Registered,

    /// <summary>An outgoing document being written.</summary>
    Draft,

    /// <summary>Numbered in the register and sent.</summary>
    Issued,

    /// <summary>Arrived through the exchange; the clerk has yet to enter it in the register or refuse it.</summary>
    Arrived,

    /// <summary>An incoming document the leader directed to a unit or person, with a deadline.</summary>
    Directed,

    /// <summary>An incoming document whose handling is finished.</summary>
    Finished,

    /// <summary>An arrival the clerk refused (wrong recipient, broken file…).</summary>
    Rejected,

    /// <summary>A received document its sender withdrew (status 13): kept in the register, no longer to be handled.</summary>
    Withdrawn,
}

public enum DocumentDirection
{
    /// <summary>Văn bản đến.</summary>
    Incoming,

    /// <summary>Văn bản đi.</summary>
    Outgoing,
}

/// <summary>The three kinds of copy of Decree 30/2020 (Article 25).</summary>
public enum CopyKind
{
    /// <summary>Sao y: the whole content, in the copy's format.</summary>
    Exact,

    /// <summary>Sao lục: a copy made from a copy (sao y).</summary>
    FromCopy,

    /// <summary>Trích sao: a part of the content.</summary>
    Extract,
}

public enum Urgency
{
    Normal,

    /// <summary>Khẩn.</summary>
    Urgent,

    /// <summary>Thượng khẩn.</summary>
    VeryUrgent,

    /// <summary>Hỏa tốc.</summary>
    Flash,
}

public enum Confidentiality
{
    Normal,

    /// <summary>Mật.</summary>
    Confidential,

    /// <summary>Tối mật.</summary>
    Secret,

    /// <summary>Tuyệt mật.</summary>
    TopSecret,
}

/// <summary>How an arrival acts on one received before from the same sender (edXML business document types 2 and 3).</summary>
public enum Amendment
{
    /// <summary>Cập nhật: the same document, corrected or completed.</summary>
    Update,

    /// <summary>Thay thế: a new document in place of the earlier one.</summary>
    Replacement,
}
