package org.jinlin.territory.web;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import lombok.RequiredArgsConstructor;
import org.jinlin.shared.AccessRules;
import org.jinlin.shared.Actor;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.jinlin.territory.internal.TerritoryAccess;
import org.jinlin.territory.internal.TerritoryImports;
import org.jinlin.shared.spreadsheet.ImportUploadPage;
import org.jinlin.shared.spreadsheet.SpreadsheetDownloads;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Browsing the territory tree, and its import and export pages. */
@Controller
@RequiredArgsConstructor
class TerritoryPageController {

	private final Territories territories;

	private final TerritoryImports imports;

	private final MessageSource messages;

	/** A node (the actor's own by default) with its ancestors and children. */
	@GetMapping("/territory")
	String browse(@RequestParam(required = false) String code, Model model) {
		Actor actor = AccessRules.require(TerritoryAccess::browse, "Only staff browse the territory");
		TerritoryNode node = code == null || code.isBlank() ? territories.lookup(actor.territoryId()).orElseThrow()
				: territories.get(code);
		List<TerritoryNode> ancestors = territories.lookupAll(node.ancestorIds()).stream()
			.filter(n -> n.id() != node.id() && Territories.visible(actor, n))
			.sorted(Comparator.comparingInt(n -> n.level().ordinal()))
			.toList();
		model.addAttribute("node", node);
		model.addAttribute("ancestors", ancestors);
		List<TerritoryNode> children = territories.children(node.code());
		model.addAttribute("children", children);
		// the children's registered populations added up, to set beside this level's official figure
		model.addAttribute("childrenPopulation", children.stream().anyMatch(c -> c.population() != null)
				? children.stream().filter(c -> c.population() != null).mapToLong(TerritoryNode::population).sum() : null);
		model.addAttribute("mayImport", TerritoryAccess.importNodes(actor));
		return "territory/browse";
	}

	static final ImportUploadPage PAGE = new ImportUploadPage("territory.import.title", "/territory/import",
			"/territory/import/template.xlsx", "/territory/export.xlsx");

	@GetMapping("/territory/import")
	String importPage(Model model) {
		return PAGE.show(model, messages, imports.recent(), null);
	}

	@PostMapping("/territory/import")
	String upload(@RequestParam(name = "file", required = false) MultipartFile file, Model model) throws IOException {
		TerritoryImports.requireImporter();
		return PAGE.upload(file, model, messages, imports::recent, (name, bytes) -> imports.start(name, bytes, false));
	}

	@GetMapping("/territory/import/template.xlsx")
	ResponseEntity<byte[]> template() {
		return SpreadsheetDownloads.xlsx(imports.template(), "territory-template.xlsx");
	}

	@GetMapping("/territory/export.xlsx")
	void export(HttpServletResponse response) throws IOException {
		imports.checkExport();
		SpreadsheetDownloads.xlsx(response, "territory.xlsx", imports::export);
	}
}
