package org.campaign.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import javax.xml.parsers.DocumentBuilderFactory;
import org.campaign.ChartOptions;
import org.campaign.InvalidInputException;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.junit.jupiter.api.Test;

/** One dashboard chart alone as a standalone SVG through Java: it parses, one cell per share, exact errors. */
class ChartTest extends SeededTest {
    @Test
    void matrixParsesWithACellPerShare() throws Exception {
        String svg = db.chartWriteBuf(null, new ChartOptions().kind("matrix").as_of(LocalDate.of(2010, 12, 1)));
        assertTrue(svg.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "));
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        NodeList titles = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "title");
        int cells = 0;
        for (int i = 0; i < titles.getLength(); i++)
            if (titles.item(i).getTextContent().contains(" × t")) cells++;
        int shares = 0;
        for (var s : db.shareStatusQuery(null, LocalDate.of(2010, 12, 1)))
            if (s.getString("kind").equals("outcome")) shares++;
        assertEquals(shares, cells);
        assertTrue(svg.contains("<title>监察室 × t3.2.o4：逾期未完成，逾期62天</title>"));
    }

    @Test
    void unknownKind() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
            () -> db.chartWriteBuf(null, new ChartOptions().kind("pie")));
        assertEquals("chart \"pie\" is not one of gantt, matrix, heatmap, coverage", e.getMessage());
    }
}
