package dev.gophersite.loader.deploy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The real SDK clients against WireMock speaking each service's wire protocol (CloudFormation's query protocol with
 * XML replies, Lambda's REST JSON, CloudFront's REST XML), as the services answer the loader's calls.
 */
final class AwsFakes {
    static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

    private AwsFakes() {}

    static CloudFormationClient cloudFormation(WireMockServer server) {
        return CloudFormationClient.builder()
                .endpointOverride(URI.create(server.baseUrl()))
                .region(Region.EU_WEST_1)
                .credentialsProvider(CREDENTIALS)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    static LambdaClient lambda(WireMockServer server) {
        return LambdaClient.builder()
                .endpointOverride(URI.create(server.baseUrl()))
                .region(Region.EU_WEST_1)
                .credentialsProvider(CREDENTIALS)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    static CloudFrontClient cloudFront(WireMockServer server) {
        return CloudFrontClient.builder()
                .endpointOverride(URI.create(server.baseUrl()))
                .region(Region.AWS_GLOBAL)
                .credentialsProvider(CREDENTIALS)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /** CreateInvalidation on the distribution, answered as CloudFront does (REST XML, 201 with the batch). */
    static void distribution(WireMockServer server, String id) {
        server.stubFor(post(urlPathEqualTo("/2020-05-31/distribution/" + id + "/invalidation"))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "text/xml")
                        .withHeader(
                                "Location", server.baseUrl() + "/2020-05-31/distribution/" + id + "/invalidation/I1")
                        .withBody("""
                                <?xml version="1.0" encoding="UTF-8"?>
                                <Invalidation xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/">
                                  <Id>I2J0I21PCUYOIK</Id><Status>InProgress</Status>
                                  <CreateTime>2026-11-01T00:00:00Z</CreateTime>
                                  <InvalidationBatch><Paths><Quantity>1</Quantity><Items><Path>/*</Path></Items></Paths>
                                  <CallerReference>content</CallerReference></InvalidationBatch>
                                </Invalidation>""")));
    }

    /** DescribeStacks answering with one stack and these outputs. */
    static void stack(WireMockServer server, String name, Map<String, String> outputs) {
        StringBuilder members = new StringBuilder();
        outputs.forEach((key, value) -> members.append("<member><OutputKey>")
                .append(key)
                .append("</OutputKey><OutputValue>")
                .append(value)
                .append("</OutputValue></member>"));
        server.stubFor(post(urlEqualTo("/"))
                .withRequestBody(containing("Action=DescribeStacks"))
                .withRequestBody(containing("StackName=" + name))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/xml")
                        .withBody("""
                        <DescribeStacksResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
                          <DescribeStacksResult><Stacks><member>
                            <StackName>%s</StackName>
                            <StackId>arn:aws:cloudformation:eu-west-1:123456789012:stack/%s/1</StackId>
                            <CreationTime>2026-11-01T00:00:00Z</CreationTime>
                            <StackStatus>UPDATE_COMPLETE</StackStatus>
                            <Outputs>%s</Outputs>
                          </member></Stacks></DescribeStacksResult>
                          <ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata>
                        </DescribeStacksResponse>""".formatted(name, name, members))));
    }

    /**
     * A deployed function: its configuration (active, last update done, this description), a publish that gives
     * {@code version}, active at once, and its alias.
     */
    static void function(WireMockServer server, String name, String description, String version) {
        String base = "/2015-03-31/functions/" + name;
        server.stubFor(get(urlPathEqualTo(base + "/configuration")).willReturn(json("""
                {"FunctionName":"%s","Description":"%s","State":"Active","LastUpdateStatus":"Successful",
                 "Version":"$LATEST"}""".formatted(name, description))));
        server.stubFor(put(urlPathEqualTo(base + "/configuration")).willReturn(json("""
                {"FunctionName":"%s","State":"Active","LastUpdateStatus":"InProgress"}""".formatted(name))));
        server.stubFor(post(urlPathEqualTo(base + "/versions"))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                {"FunctionName":"%s","Version":"%s","State":"Pending"}""".formatted(name, version))));
        server.stubFor(put(urlPathEqualTo(base + "/aliases/live")).willReturn(json("""
                {"Name":"live","FunctionVersion":"%s"}""".formatted(version))));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }
}
