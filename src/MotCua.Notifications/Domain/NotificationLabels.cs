namespace MotCua.Notifications.Domain;

public static class NotificationLabels
{
    public static string Channel(NotificationChannel channel) => channel switch
    {
        NotificationChannel.Email => "Thư điện tử",
        NotificationChannel.Sms => "SMS",
        NotificationChannel.Zalo => "Zalo",
        _ => "Trong ứng dụng",
    };

    public static string Status(MessageStatus status) => status switch
    {
        MessageStatus.Pending => "Chờ gửi",
        MessageStatus.Sent => "Đã gửi",
        MessageStatus.Failed => "Gửi không được",
        _ => "Không gửi (theo lựa chọn người nhận)",
    };

    public static string Event(NotificationEvent kind) => NotificationEvents.Of(kind).Name;
}
