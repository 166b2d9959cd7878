package dev.gophersite.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SamTemplateTest {

    @Test
    void short_form_intrinsics_become_their_long_form(@TempDir Path dir) throws IOException {
        // given
        Path file = dir.resolve("template.yaml");
        Files.writeString(file, """
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      A: !Ref Table
                      B: !GetAtt Table.Arn
                      C: !GetAtt [Table, StreamArn]
                      D: !Sub "${AWS::Region}-x"
                      E: !Sub ["${X}-y", {X: !Ref Table}]
                      F: !Join [",", [a, !Ref Table]]
                """);

        // when
        Map<String, Object> props =
                SamTemplate.properties(SamTemplate.load(file).resources().get("Fn"));

        // then
        assertThat(props.get("A")).isEqualTo(Map.of("Ref", "Table"));
        assertThat(props.get("B")).isEqualTo(Map.of("Fn::GetAtt", List.of("Table", "Arn")));
        assertThat(props.get("C")).isEqualTo(Map.of("Fn::GetAtt", List.of("Table", "StreamArn")));
        assertThat(props.get("D")).isEqualTo(Map.of("Fn::Sub", "${AWS::Region}-x"));
        assertThat(props.get("E")).isEqualTo(Map.of("Fn::Sub", List.of("${X}-y", Map.of("X", Map.of("Ref", "Table")))));
        assertThat(props.get("F")).isEqualTo(Map.of("Fn::Join", List.of(",", List.of("a", Map.of("Ref", "Table")))));
    }
}
