namespace Hospital.Integration.Astm.Records;

/// <summary>C, comment (LIS2-A2 §10); it belongs to the record before it.</summary>
public sealed class AstmComment(AstmRecord record) : AstmRecordView(record, 'C')
{
    public AstmComment(AstmDelimiters delimiters) : this(AstmRecord.Create('C', delimiters)) { }

    /// <summary>C-3: P practice, L LIS, I instrument.</summary>
    public string Source { get => Get(3); set => Set(3, value); }

    /// <summary>C-4, unescaped; component delimiters (if the sender used components) stay in the text.</summary>
    public string Text { get => Get(4); set => Set(4, value); }

    /// <summary>C-4 components.</summary>
    public IReadOnlyList<string> TextComponents => Record.Components(4);

    /// <summary>C-5: G generic, T test name, P positive, N negative, I instrument flag.</summary>
    public string CommentType { get => Get(5); set => Set(5, value); }
}
