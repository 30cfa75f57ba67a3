namespace MotCua.Organization.Domain;

/// <summary>Vietnamese names of agency levels and kinds, for pages.</summary>
internal static class AgencyLabels
{
    public static string Of(AgencyLevel level) => level switch
    {
        AgencyLevel.Central => "Trung ương",
        AgencyLevel.Province => "Tỉnh",
        AgencyLevel.District => "Huyện",
        _ => "Xã",
    };

    public static string Of(AgencyKind kind) => kind switch
    {
        AgencyKind.Authority => "Cơ quan hành chính",
        AgencyKind.OneStopCentre => "Trung tâm phục vụ hành chính công",
        _ => "Cơ quan chuyên môn",
    };
}
