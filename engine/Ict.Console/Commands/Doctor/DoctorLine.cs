namespace Ict.Console.Commands.Doctor;

/// <summary>How a check came out.</summary>
internal enum DoctorStatus
{
    Ok,
    Warn,
    Fail,
}

/// <summary>One line of <c>ict doctor</c>'s report: <c>ok|warn|fail  name  detail</c>.</summary>
internal sealed record DoctorLine(DoctorStatus Status, string Name, string Detail)
{
    public static DoctorLine Ok(string name, string detail) => new(DoctorStatus.Ok, name, detail);

    public static DoctorLine Warn(string name, string detail) => new(DoctorStatus.Warn, name, detail);

    public static DoctorLine Fail(string name, string detail) => new(DoctorStatus.Fail, name, detail);

    public override string ToString() => $"{Status.ToString().ToLowerInvariant(),-5} {Name,-28} {Detail}";
}
