using Hospital.Domain.Lab;

namespace Hospital.Web.Features.Analysers;

/// <summary>One <c>Lis:Analysers:N</c> section as read: the analyser (null when unusable), its code map text (null when the key is absent) and what is wrong.</summary>
public sealed record ConfiguredAnalyser(string Key, string Name, Analyser? Definition, string? CodeMap, IReadOnlyList<string> Errors);

/// <summary>
/// Analysers declared in configuration (issue 5 "API contract"): <c>Lis:Analysers:N:{Name, Model, Section, Protocol
/// (astm|hl7), Transport (serial|tcp-client|tcp-server), Device, Host, Port, Baud, DataBits, Parity, StopBits,
/// FlowControl, Direction (uni|bi), Broadcast, NakedAstm, CodeMap}</c>, e.g. environment <c>Lis__Analysers__0__Name=XN1</c>.
/// Each section is read on its own: a bad one is reported with its key and the others still start.
/// </summary>
public static class ConfiguredAnalysers
{
    public const string Section = "Lis:Analysers";

    public static IReadOnlyList<ConfiguredAnalyser> Read(IConfiguration config)
    {
        var list = new List<ConfiguredAnalyser>();
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var section in config.GetSection(Section).GetChildren().OrderBy(s => int.TryParse(s.Key, out var n) ? n : int.MaxValue))
        {
            var key = $"{Section}:{section.Key}";
            var input = new AnalyserInput();
            section.Bind(input);
            input.IsActive = true;
            var analyser = input.ToAnalyser(out var errors);
            var name = (input.Name ?? "").Trim();
            if (analyser is not null && !names.TryAdd(name, key))
            {
                errors = [$"Tên máy \"{name}\" đã khai báo ở {names[name]}."];
                analyser = null;
            }
            if (analyser is not null) analyser.FromConfiguration = true;
            // Code map mistakes do not stop the analyser: the sync reports them and unmapped results wait in the unmatched queue.
            list.Add(new ConfiguredAnalyser(key, name, analyser, section["CodeMap"], errors));
        }
        return list;
    }
}
